package org.jiuzhu.temporary;

import java.math.BigDecimal;

/** Amounts in yuan as officials and applicants read them: 800, 1170.5, never 800.00 or 8E+2. */
public final class Yuan {

    private Yuan() {
    }

    public static String format(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    public static String format(Number amount) {
        return format(new BigDecimal(amount.toString()));
    }
}
