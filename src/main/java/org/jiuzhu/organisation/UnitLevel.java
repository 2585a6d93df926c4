package org.jiuzhu.organisation;

/**
 * The three levels of the administrative hierarchy. The level follows from the 12-digit division
 * code: 6 digits county, 3 township, 3 village; trailing zeros mark the higher levels.
 */
public enum UnitLevel {
    COUNTY("county", "县（区）"),
    TOWNSHIP("township", "乡镇（街道）"),
    VILLAGE("village", "村（社区）");

    private final String groupPrefix;
    private final String label;

    UnitLevel(String groupPrefix, String label) {
        this.groupPrefix = groupPrefix;
        this.label = label;
    }

    public String groupPrefix() {
        return groupPrefix;
    }

    public String label() {
        return label;
    }

    /** The level a well-formed code denotes; see {@link UnitCodes#requireWellFormed(String)}. */
    public static UnitLevel ofCode(String code) {
        if (code.endsWith("000000")) {
            return COUNTY;
        }
        return code.endsWith("000") ? TOWNSHIP : VILLAGE;
    }
}
