package org.jiuzhu.casework;

/** What public pages may show of a person. */
public final class Masking {

    private Masking() {
    }

    /** 张三 → 张*, 张三丰 → 张*丰, 欧阳小明 → 欧**明. */
    public static String maskName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.length() <= 1) {
            return n;
        }
        if (n.length() == 2) {
            return n.charAt(0) + "*";
        }
        return n.charAt(0) + "*".repeat(n.length() - 2) + n.charAt(n.length() - 1);
    }
}
