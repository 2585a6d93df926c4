package org.jiuzhu.organisation;

/** A county, township/street or village/community; one row of {@code admin_unit}. */
public record AdminUnit(String code, String name, UnitLevel level, String parentCode) {

    /** The Camunda group of the unit's officials: {@code village-<code>} and so on. */
    public String groupId() {
        return level.groupPrefix() + "-" + code;
    }
}
