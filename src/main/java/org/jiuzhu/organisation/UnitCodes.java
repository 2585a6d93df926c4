package org.jiuzhu.organisation;

import java.util.regex.Pattern;

/** Rules of the 12-digit division-style unit code (统计用区划代码). */
public final class UnitCodes {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private UnitCodes() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && TWELVE_DIGITS.matcher(code).matches() && !code.startsWith("00");
    }

    public static String requireWellFormed(String code) {
        if (!isWellFormed(code)) {
            throw new OrganisationException("行政区划代码应为 12 位数字（前 6 位县级、中间 3 位乡级、后 3 位村级）：" + code);
        }
        return code;
    }

    /** The code of the unit directly above, or {@code null} for a county. */
    public static String parentCodeOf(String code) {
        return switch (UnitLevel.ofCode(code)) {
            case COUNTY -> null;
            case TOWNSHIP -> code.substring(0, 6) + "000000";
            case VILLAGE -> code.substring(0, 9) + "000";
        };
    }
}
