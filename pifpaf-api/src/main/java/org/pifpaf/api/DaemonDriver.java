package org.pifpaf.api;

import java.time.Duration;
import java.util.List;

/**
 * A kind of daemon pifpaf can start: PostgreSQL, Redis, ...
 *
 * <p>A driver is a small declaration. It names itself, lists its options and the binaries it
 * needs, and in {@link #start(DriverContext)} says what to run and what to export; the runtime
 * does the rest (data directory, processes, readiness, clean-up). Implementations must have a
 * public no-argument constructor (or a public static {@code provider()} method) so that
 * {@link java.util.ServiceLoader} can create them, and should be cheap to create.
 */
public interface DaemonDriver {

    /** The name used on the command line ({@code pifpaf run <name>}): lower case, no spaces. */
    String name();

    /** A one-line description shown by {@code pifpaf list-drivers}. */
    default String description() {
        return "";
    }

    /** The options this driver accepts, in the order {@code --help} should list them. */
    default List<DriverOption> options() {
        return List.of();
    }

    /**
     * The executables this driver needs; {@code list-drivers} reports whether they are found, and
     * {@link DriverContext#executable(Binary)} resolves them with an actionable error.
     */
    default List<Binary> binaries() {
        return List.of();
    }

    /** How long a start may take before it is abandoned, unless the user says otherwise. */
    default Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * Starts the daemon: launch its processes through {@code context}, export its variables and
     * set its URL. When this returns the daemon is ready to use. If it throws, the runtime stops
     * whatever was launched and removes the data directory.
     *
     * @throws Exception any failure; {@link DriverException} for one with a user-facing message
     */
    void start(DriverContext context) throws Exception;
}
