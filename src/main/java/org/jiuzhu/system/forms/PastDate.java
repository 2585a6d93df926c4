package org.jiuzhu.system.forms;

import java.time.LocalDate;

/**
 * Where the date of something that has happened (a visit, a meeting) may lie: not after {@code today}, not
 * before {@code notBefore} (a day of the case, named {@code notBeforeLabel}; none when null).
 */
public record PastDate(LocalDate today, LocalDate notBefore, String notBeforeLabel) {

    /** Refuses {@code date} (the field {@code label}) outside the window. */
    public void check(LocalDate date, String label) {
        if (date.isAfter(today)) {
            throw FormBinding.refused("“" + label + "”不能晚于今天（" + today + "）");
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw FormBinding.refused("“" + label + "”不能早于" + notBeforeLabel + "（" + notBefore + "）");
        }
    }
}
