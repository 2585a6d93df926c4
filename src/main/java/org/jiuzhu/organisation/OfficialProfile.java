package org.jiuzhu.organisation;

import java.util.List;

/** Who is logged in, as the pages show it: name, unit (with the units above) and roles. */
public record OfficialProfile(String userId, String displayName, AdminUnit unit, String unitPath,
                              List<String> roleLabels, boolean administrator, boolean monitor) {

    public boolean hasUnit() {
        return unit != null;
    }
}
