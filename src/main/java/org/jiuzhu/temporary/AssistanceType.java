package org.jiuzhu.temporary;

/** The two kinds of 临时救助. */
public enum AssistanceType {
    /** 急难型: fire, accident, sudden serious illness, disaster. */
    SUDDEN("急难型"),
    /** 支出型: unbearable medical or education costs. */
    EXPENDITURE("支出型");

    private final String label;

    AssistanceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
