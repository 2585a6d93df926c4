package org.jiuzhu.system.forms;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * A task form's submitted values bound into its record and validated: the one place where a form's
 * variables become typed and its constraints are checked. A broken rule throws {@link BadUserRequestException}
 * with the Chinese message of the rule (the first, in the order of the form's fields), which the APIs answer
 * with a 400 and Tasklist shows as it is.
 * <p>
 * Values bind as form-js submits them: a text is stripped (blank is none), a number may come as a number or a
 * numeric string, a date as {@code yyyy-MM-dd}, a checkbox is ticked only when {@code true}, a choice is the
 * {@link FormChoice} of its value (none when the value is unknown). A value that is no number where a number
 * belongs is none, so the field's own constraint asks for it.
 */
@Component
public class FormBinding {

    /**
     * Numbers of task forms end up in amount columns, the narrowest of which (numeric(10,2):
     * case_decision.amount, public_notice.proposed_amount, recipient.monthly_amount) holds 8 digits before
     * the point; a larger number made the database refuse the whole completion with a 500.
     */
    static final int NUMBER_DIGITS = 8;
    private static final BigDecimal NUMBER_LIMIT = BigDecimal.TEN.pow(NUMBER_DIGITS);

    private final Validator validator;
    private final Clock clock;

    public FormBinding(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /** The record of {@code type} from the variables, validated. */
    public <F extends Record> F bindValid(Class<F> type, Function<String, Object> variables) {
        F form = bind(type, variables);
        validate(form);
        return form;
    }

    <F extends Record> F bind(Class<F> type, Function<String, Object> variables) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = converted(components[i], variables.apply(components[i].getName()));
        }
        try {
            Constructor<F> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException refusal ? refusal : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot bind task form " + type.getName(), e);
        }
    }

    /** Throws the message of the first broken constraint: by the order of the fields, then the cross-field rules. */
    <F extends Record> void validate(F form) {
        List<String> order = Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
        validator.validate(form).stream()
                .min(Comparator.<ConstraintViolation<F>>comparingInt(v -> position(order, v.getPropertyPath()))
                        .thenComparing(v -> v.getPropertyPath().toString()))
                .ifPresent(broken -> {
                    throw refused(broken.getMessage());
                });
    }

    private static int position(List<String> order, Path path) {
        int index = order.indexOf(path.iterator().next().getName());
        return index < 0 ? order.size() : index;
    }

    private Object converted(RecordComponent component, Object value) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return value == null || value.toString().isBlank() ? null : value.toString().strip();
        }
        if (type == boolean.class) {
            return Boolean.TRUE.equals(value);
        }
        if (type == BigDecimal.class) {
            return number(value, label(component));
        }
        if (type == LocalDate.class) {
            return date(value, label(component));
        }
        if (FormChoice.class.isAssignableFrom(type) && type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).filter(choice -> ((FormChoice) choice).value().equals(value))
                    .findFirst().orElse(null);
        }
        throw new IllegalStateException("No binding for " + type.getName() + " of " + component);
    }

    private static String label(RecordComponent component) {
        Label label = component.getAnnotation(Label.class);
        if (label == null) {
            throw new IllegalStateException("No @Label on " + component.getDeclaringRecord().getName() + "."
                    + component.getName());
        }
        return label.value();
    }

    /** A number as a form submits it, or null when none was given (or not a number). */
    public static BigDecimal number(Object value) {
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

    private static BigDecimal number(Object value, String label) {
        BigDecimal number = number(value);
        if (number != null && number.abs().compareTo(NUMBER_LIMIT) >= 0) {
            throw refused("“" + label + "”的数值过大（最多 " + NUMBER_DIGITS + " 位整数）");
        }
        return number;
    }

    private LocalDate date(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw refused("“" + label + "”应为“年-月-日”格式的日期，例如 " + LocalDate.now(clock));
        }
    }

    /** The refusal of a submission, with its Chinese message. */
    public static BadUserRequestException refused(String message) {
        return new BadUserRequestException(message);
    }
}
