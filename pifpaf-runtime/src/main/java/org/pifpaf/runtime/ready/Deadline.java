package org.pifpaf.runtime.ready;

import java.time.Duration;

/**
 * The moment a start-up gives up.
 *
 * @param timeout the whole start-up budget
 * @param endNanos {@link System#nanoTime()} at which it runs out
 */
public record Deadline(Duration timeout, long endNanos) {

    /** A deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        return new Deadline(timeout, System.nanoTime() + timeout.toNanos());
    }

    /** Whether it has passed. */
    public boolean expired() {
        return System.nanoTime() - endNanos > 0;
    }

    /** Milliseconds left, at least 0. */
    public long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }
}
