package org.jiuzhu.organisation;

import java.util.List;

/**
 * Who is logged in, as the pages show it: name, unit (with the units above) and roles. A supervisor's
 * unit is the county they supervise.
 */
public record OfficialProfile(String userId, String displayName, AdminUnit unit, String unitPath,
                              List<String> roleLabels, boolean administrator, boolean monitor, boolean supervisor) {

    public boolean hasUnit() {
        return unit != null;
    }

    /** An officer or leader of the county itself (not one of its supervisors). */
    public boolean countyOfficial() {
        return unit != null && unit.level() == UnitLevel.COUNTY && !supervisor;
    }
}
