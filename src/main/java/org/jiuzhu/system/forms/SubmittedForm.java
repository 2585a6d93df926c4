package org.jiuzhu.system.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The values a task form submitted, read with the rules every field shares; a broken rule throws
 * {@link BadUserRequestException} with a Chinese message naming the field by its label.
 */
public record SubmittedForm(Function<String, Object> variables) {

    /** The form field of the reason given when refusing (it goes to the written notice). */
    public static final String REJECTION_REASON = "rejectionReason";
    public static final int MAX_REASON = 500;
    /**
     * Numbers of task forms end up in amount columns, the narrowest of which (numeric(10,2):
     * case_decision.amount, public_notice.proposed_amount, recipient.monthly_amount) holds 8 digits before
     * the point; a larger number made the database refuse the whole completion with a 500.
     */
    static final int NUMBER_DIGITS = 8;
    private static final BigDecimal NUMBER_LIMIT = BigDecimal.TEN.pow(NUMBER_DIGITS);

    public Object value(String name) {
        return variables.apply(name);
    }

    public String choice(String name, String label, Set<String> allowed) {
        if (!(value(name) instanceof String s) || !allowed.contains(s)) {
            throw refused("请选择“" + label + "”");
        }
        return s;
    }

    /** When refusing, the reason is required. */
    public void refusal(boolean refusing) {
        if (refusing) {
            text(REJECTION_REASON, "理由", MAX_REASON);
        }
    }

    public String text(String name, String label, int maxLength) {
        String value = optionalText(name, label, maxLength);
        if (value == null) {
            throw refused("请填写“" + label + "”");
        }
        return value;
    }

    public String optionalText(String name, String label, int maxLength) {
        Object value = value(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > maxLength) {
            throw refused("“" + label + "”不能超过 " + maxLength + " 个字");
        }
        return text;
    }

    public BigDecimal number(String name, String label) {
        BigDecimal number = parsed(value(name));
        if (number == null) {
            throw refused("请填写“" + label + "”（数字）");
        }
        if (number.abs().compareTo(NUMBER_LIMIT) >= 0) {
            throw refused("“" + label + "”的数值过大（最多 " + NUMBER_DIGITS + " 位整数）");
        }
        return number;
    }

    private static BigDecimal parsed(Object value) {
        try {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (value instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException notFinite) {
            // NaN or infinity from a JSON double.
        }
        return null;
    }

    /**
     * The date of something that has happened (a visit, a meeting): form-js's date field sends it as
     * yyyy-MM-dd. It may be neither after {@code today} nor before {@code notBefore} (the case's
     * application date, named {@code notBeforeLabel}), and must be given.
     */
    public LocalDate pastDate(String name, String label, LocalDate today, LocalDate notBefore, String notBeforeLabel) {
        Object value = value(name);
        if (value == null || value.toString().isBlank()) {
            throw refused("请填写“" + label + "”");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.toString().strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw refused("“" + label + "”应为“年-月-日”格式的日期，例如 " + today);
        }
        if (date.isAfter(today)) {
            throw refused("“" + label + "”不能晚于今天（" + today + "）");
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw refused("“" + label + "”不能早于" + notBeforeLabel + "（" + notBefore + "）");
        }
        return date;
    }

    public boolean checked(String name) {
        return Boolean.TRUE.equals(value(name));
    }

    public static BadUserRequestException refused(String message) {
        return new BadUserRequestException(message);
    }
}
