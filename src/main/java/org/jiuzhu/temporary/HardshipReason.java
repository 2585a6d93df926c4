package org.jiuzhu.temporary;

import java.util.EnumSet;
import java.util.Set;

/** What caused the hardship, and the kind of assistance it belongs to. */
public enum HardshipReason {
    ILLNESS("突发重病", EnumSet.of(AssistanceType.SUDDEN)),
    ACCIDENT("意外事故", EnumSet.of(AssistanceType.SUDDEN)),
    DISASTER("自然灾害", EnumSet.of(AssistanceType.SUDDEN)),
    FIRE("火灾", EnumSet.of(AssistanceType.SUDDEN)),
    MEDICAL("医疗支出", EnumSet.of(AssistanceType.EXPENDITURE)),
    EDUCATION("教育支出", EnumSet.of(AssistanceType.EXPENDITURE)),
    OTHER("其他", EnumSet.allOf(AssistanceType.class));

    private final String label;
    private final Set<AssistanceType> types;

    HardshipReason(String label, Set<AssistanceType> types) {
        this.label = label;
        this.types = types;
    }

    public String label() {
        return label;
    }

    public boolean belongsTo(AssistanceType type) {
        return types.contains(type);
    }
}
