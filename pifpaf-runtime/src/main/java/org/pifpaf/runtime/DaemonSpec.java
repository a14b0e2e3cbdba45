package org.pifpaf.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * What a user names to start a daemon: a driver, optionally with the daemon's version, written
 * as Homebrew names its formulas, {@code driver@version} ({@code postgresql@16},
 * {@code postgresql@16.4.0}). Read here only, for every front end: the command line, stack files,
 * the library and the JUnit extension.
 *
 * @param driver  the driver's name
 * @param version the version asked for, or {@code null} for the default
 */
public record DaemonSpec(String driver, String version) {

    /** @throws InvalidRequestException when {@code version} is given but empty or not a version */
    public DaemonSpec {
        Objects.requireNonNull(driver, "driver");
        if (version != null && !version.matches("[0-9][0-9A-Za-z._-]*")) {
            throw new InvalidRequestException("'" + driver + "@" + version + "': a version is digits and dots,"
                    + " such as " + driver + "@16 or " + driver + "@16.4");
        }
    }

    /**
     * Reads {@code text}: {@code driver} or {@code driver@version}.
     *
     * @throws InvalidRequestException when the version part is empty or malformed
     */
    public static DaemonSpec parse(String text) {
        int at = text.indexOf('@');
        return at < 0 ? new DaemonSpec(text, null) : new DaemonSpec(text.substring(0, at), text.substring(at + 1));
    }

    /** The version asked for, if any. */
    public Optional<String> requestedVersion() {
        return Optional.ofNullable(version);
    }

    @Override
    public String toString() {
        return version == null ? driver : driver + "@" + version;
    }
}
