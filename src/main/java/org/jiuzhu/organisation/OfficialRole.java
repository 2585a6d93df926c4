package org.jiuzhu.organisation;

/** What an official does in their unit; decides which groups they join. */
public enum OfficialRole {
    /** 经办人: works the unit's tasks. */
    OFFICER("经办人"),
    /** 分管领导: works the unit's tasks and receives escalations (township or county). */
    LEADER("分管领导"),
    /** 督办人员: sees every case of a county, works none (county only). */
    SUPERVISOR("督办人员");

    private final String label;

    OfficialRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
