package org.jiuzhu.dibao;

public enum LabourAbility {
    FULL("有劳动能力"),
    PARTIAL("部分丧失劳动能力"),
    NONE("无劳动能力");

    private final String label;

    LabourAbility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
