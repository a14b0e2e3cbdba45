package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pifpaf.api.DriverException;

/**
 * A Unix account, looked up by name, and the identity pifpaf itself runs as.
 *
 * @param name the login name
 * @param uid  the user id
 * @param gid  the primary group id
 */
public record UnixUser(String name, int uid, int gid) {

    private static final Map<String, UnixUser> CACHE = new ConcurrentHashMap<>();

    /** Whether this process's effective user id is 0. */
    public static boolean currentIsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.split("\\s+")[2]); // real, effective, saved, fs
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall back on the name.
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** The name of the user running this process. */
    public static String currentName() {
        return System.getProperty("user.name");
    }

    /** Looks a user up by name through {@code getent passwd} (so NSS sources count). */
    public static UnixUser byName(String name) {
        return CACHE.computeIfAbsent(name, UnixUser::lookUp);
    }

    private static UnixUser lookUp(String name) {
        try {
            Process p = new ProcessBuilder(SystemTools.GETENT, "passwd", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new DriverException("user '" + name + "' does not exist (choose another with --run-as or PIFPAF_RUN_AS)");
            }
            String[] fields = out.split(":");
            return new UnixUser(fields[0], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
        } catch (IOException e) {
            throw new DriverException("cannot look up user '" + name + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while looking up user '" + name + "'", e);
        }
    }
}
