package org.jiuzhu.dibao;

import org.springframework.modulith.NamedInterface;

@NamedInterface("enrolment")
public enum ApplicationStatus {
    IN_PROGRESS("办理中"),
    APPROVED("已批准"),
    REJECTED("不予批准");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
