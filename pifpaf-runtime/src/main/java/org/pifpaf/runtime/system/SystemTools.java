package org.pifpaf.runtime.system;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system tools the runtime calls, by absolute path where one exists, so that they are found
 * even when the user's {@code PATH} is odd.
 */
public final class SystemTools {

    /** {@code setsid(1)}, or {@code null} where there is none (e.g. macOS). */
    public static final Path SETSID = first("/usr/bin/setsid", "/bin/setsid");
    /** {@code setpriv(1)}, or {@code null}. */
    public static final Path SETPRIV = first("/usr/bin/setpriv", "/bin/setpriv");
    /** {@code kill(1)}. */
    public static final String KILL = orName(first("/bin/kill", "/usr/bin/kill"), "kill");
    /** {@code cp(1)}. */
    public static final String CP = orName(first("/bin/cp", "/usr/bin/cp"), "cp");
    /** {@code find(1)}. */
    public static final String FIND = orName(first("/usr/bin/find", "/bin/find"), "find");
    /** {@code chown(1)}. */
    public static final String CHOWN = orName(first("/bin/chown", "/usr/bin/chown"), "chown");
    /** {@code rm(1)}. */
    public static final String RM = orName(first("/bin/rm", "/usr/bin/rm"), "rm");
    /** {@code getent(1)}. */
    public static final String GETENT = orName(first("/usr/bin/getent", "/bin/getent"), "getent");

    private SystemTools() {
    }

    private static Path first(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    private static String orName(Path path, String name) {
        return path == null ? name : path.toString();
    }
}
