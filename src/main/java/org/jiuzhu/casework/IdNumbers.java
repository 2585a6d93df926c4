package org.jiuzhu.casework;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** Resident ID numbers (居民身份证号码, GB 11643-1999): checksum and birth date. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int OLDEST_PLAUSIBLE_AGE = 120;

    private IdNumbers() {
    }

    /** The check character for the first 17 digits. */
    public static char checkCharOf(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    public static boolean hasValidChecksum(String idNumber) {
        if (idNumber == null || !idNumber.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        return Character.toUpperCase(idNumber.charAt(17)) == checkCharOf(idNumber.substring(0, 17));
    }

    /** The birth date encoded in digits 7–14, when it is a real date. */
    public static Optional<LocalDate> birthDateOf(String idNumber) {
        if (idNumber == null || idNumber.length() < 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14))));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A real date, not in the future and at most 120 years back. */
    public static boolean hasPlausibleBirthDate(String idNumber, LocalDate today) {
        return birthDateOf(idNumber)
                .filter(birth -> !birth.isAfter(today))
                .filter(birth -> Period.between(birth, today).getYears() <= OLDEST_PLAUSIBLE_AGE)
                .isPresent();
    }

    public static int ageOn(String idNumber, LocalDate day) {
        return birthDateOf(idNumber).map(birth -> Period.between(birth, day).getYears()).orElse(0);
    }
}
