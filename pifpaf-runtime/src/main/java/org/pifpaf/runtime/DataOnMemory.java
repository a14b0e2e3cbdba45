package org.pifpaf.runtime;

import java.util.Locale;

/**
 * Whether data directories go to a memory file system (a tmpfs: {@code $XDG_RUNTIME_DIR} or
 * {@code /dev/shm}, with a GiB free), where copying a database's template and creating a
 * database cost a fraction of what they cost on disk. Without such a file system data stays on
 * disk: with a warning when it was asked for ({@link #YES}), quietly otherwise.
 *
 * <p>The command line's default is {@link #NO}: its starts take a spare copy of the template with
 * a rename, as fast on disk, and nothing of a finished run stays in memory. The library's and the
 * JUnit extension's is {@link #WHEN_ROOM}: a test suite starts daemons back to back and makes a
 * database per test, which on this project's build machines took 3 times less on memory.
 */
public enum DataOnMemory {
    /** On disk, in the temporary directory. */
    NO,
    /** On memory; on disk, with a warning, when no memory file system has room. */
    YES,
    /** On memory when a memory file system has room, else on disk. */
    WHEN_ROOM;

    /** The environment variable that decides where the front end's default applies. */
    public static final String VARIABLE = "PIFPAF_DATA_ON_MEMORY";

    /**
     * The setting {@code text} names: {@code true} (also {@code yes}, {@code 1}), {@code false}
     * ({@code no}, {@code 0}) or {@code auto}.
     *
     * @throws InvalidRequestException for any other word
     */
    public static DataOnMemory parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> YES;
            case "false", "no", "0" -> NO;
            case "auto" -> WHEN_ROOM;
            default -> throw new InvalidRequestException("'" + text + "' is not a data-on-memory setting (true, false, auto)");
        };
    }

    /** {@code $PIFPAF_DATA_ON_MEMORY}'s setting in {@code environment}, else {@code fallback}. */
    public static DataOnMemory fromEnvironment(Environment environment, DataOnMemory fallback) {
        return environment.nonBlank(VARIABLE).map(DataOnMemory::parse).orElse(fallback);
    }

    /** The word a configuration file or the environment uses for it. */
    public String word() {
        return switch (this) {
            case NO -> "false";
            case YES -> "true";
            case WHEN_ROOM -> "auto";
        };
    }
}
