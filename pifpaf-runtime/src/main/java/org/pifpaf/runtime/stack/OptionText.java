package org.pifpaf.runtime.stack;

import org.pifpaf.api.DriverOption;

/** Option values written as text (command line, stack files, the configuration file), checked against their type. */
public final class OptionText {

    private OptionText() {
    }

    /**
     * {@code value} as {@code option} stores it: a whole number for {@code INTEGER} and
     * {@code PORT}, {@code true} or {@code false} for {@code FLAG} and {@code BOOLEAN}, the text
     * itself otherwise.
     *
     * @throws IllegalArgumentException whose message says what is wrong, e.g.
     *         {@code 'x' is not a whole number}
     */
    public static String normalized(DriverOption option, String value) {
        switch (option.type()) {
            case INTEGER, PORT -> {
                try {
                    return Integer.toString(Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a whole number");
                }
            }
            case FLAG, BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("'" + value + "' is not true or false");
                }
                return value.toLowerCase(java.util.Locale.ROOT);
            }
            case CHOICE -> {
                if (!option.choices().contains(value)) {
                    throw new IllegalArgumentException("'" + value + "' is not one of " + String.join(", ", option.choices()));
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }
}
