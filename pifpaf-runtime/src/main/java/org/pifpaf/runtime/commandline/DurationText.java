package org.pifpaf.runtime.commandline;

import java.time.Duration;

/** A duration as the command line and its configuration write it: {@code 90s}, {@code 30m}, {@code 2h}. */
public final class DurationText {

    private DurationText() {
    }

    /**
     * The duration {@code text} writes: a whole number above zero and a unit, {@code s}, {@code m}
     * or {@code h}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parse(String text) {
        if (text != null && text.matches("[1-9][0-9]{0,6}[smh]")) {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 30m or 2h");
    }
}
