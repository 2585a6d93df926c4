package org.jiuzhu.emergency;

/** Why an emergency was declared. */
public enum EmergencyReason {
    EPIDEMIC("疫情"),
    NATURAL_DISASTER("自然灾害"),
    ACCIDENT_DISASTER("事故灾难"),
    PUBLIC_SAFETY("社会安全事件"),
    OTHER("其他突发事件");

    private final String label;

    EmergencyReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
