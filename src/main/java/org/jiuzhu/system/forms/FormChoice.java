package org.jiuzhu.system.forms;

import java.util.Locale;

/**
 * An answer of a radio or select field, as an enum constant: {@code CHANGE_AMOUNT} is the value
 * {@code changeAmount} that the form submits and the model's conditions compare with.
 */
public interface FormChoice {

    String name();

    /** The value in the form (and in the process variable). */
    default String value() {
        StringBuilder value = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            value.append(value.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return value.toString();
    }
}
