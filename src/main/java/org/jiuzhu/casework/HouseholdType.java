package org.jiuzhu.casework;

/** 城市 or 农村 household; the two have different dibao standards. */
public enum HouseholdType {
    URBAN("城市"),
    RURAL("农村");

    private final String label;

    HouseholdType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
