package org.jiuzhu.dibao;

public enum DisabilityKind {
    PHYSICAL("肢体"),
    VISUAL("视力"),
    HEARING("听力"),
    SPEECH("言语"),
    INTELLECTUAL("智力"),
    MENTAL("精神"),
    MULTIPLE("多重");

    private final String label;

    DisabilityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
