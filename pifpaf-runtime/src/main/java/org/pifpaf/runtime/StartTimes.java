package org.pifpaf.runtime;

import java.util.Locale;

/**
 * How long each start took, as the log tells it at info level: one line per daemon, nested ones
 * under their path ({@code aodh: gnocchi: postgresql ready in 0.41 s}), so that the parts of a
 * composite daemon's start can be told apart (bench/run's {@code composite} part reads them).
 */
final class StartTimes {

    private StartTimes() {
    }

    /** The line for the daemon at {@code path}, ready after {@code nanos} at {@code url}. */
    static String ready(String path, long nanos, String url) {
        return String.format(Locale.ROOT, "%s ready in %.2f s: %s", path, nanos / 1e9, url);
    }
}
