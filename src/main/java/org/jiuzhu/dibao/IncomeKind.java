package org.jiuzhu.dibao;

/**
 * Kinds of monthly income. Special-care pensions (优抚金) and awards or scholarships are declared
 * but not counted as household income (最低生活保障审核确认办法).
 */
public enum IncomeKind {
    WAGE("工资性收入", true),
    BUSINESS("经营净收入", true),
    PROPERTY("财产净收入", true),
    TRANSFER("转移净收入", true),
    SPECIAL_CARE("优抚金（不计入收入）", false),
    AWARD("奖励金/助学金（不计入收入）", false),
    OTHER("其他收入", true);

    private final String label;
    private final boolean counted;

    IncomeKind(String label, boolean counted) {
        this.label = label;
        this.counted = counted;
    }

    public String label() {
        return label;
    }

    public boolean counted() {
        return counted;
    }
}
