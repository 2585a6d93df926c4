package org.jiuzhu.temporary.forms;

import java.math.BigDecimal;

import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.temporary.Yuan;

/** Amounts for the whole case, 先行救助 included: never below the 先行救助 the case already paid. */
final class CaseTotals {

    private CaseTotals() {
    }

    static void requireNotBelowAidFirst(BigDecimal amount, String label, BigDecimal aidFirstPaid) {
        if (amount.compareTo(aidFirstPaid) < 0) {
            throw FormBinding.refused(label + "是本案合计金额（含已发放的先行救助 " + Yuan.format(aidFirstPaid)
                    + " 元），不能低于先行救助金额");
        }
    }
}
