package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
    private static final Path PASSWD = Path.of("/etc/passwd");

    /** Whether this process's effective user id is 0 (read once: a JVM cannot change it). */
    public static boolean currentIsRoot() {
        return CurrentIsRoot.VALUE;
    }

    /** Holds the answer, worked out when first asked for. */
    private static final class CurrentIsRoot {
        static final boolean VALUE = read();
    }

    private static boolean read() {
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

    /**
     * Looks a user up by name: in {@code /etc/passwd}, and only if it is not there through
     * {@code getent passwd} (so NSS sources such as LDAP count too). The file comes first because
     * it holds the accounts daemons run as ({@code nobody}) and reading it costs far less than
     * starting a process; NSS also consults it first on nearly every system.
     */
    public static UnixUser byName(String name) {
        return CACHE.computeIfAbsent(name, n -> inPasswdFile(PASSWD, n).orElseGet(() -> throughGetent(n)));
    }

    /**
     * The entry for {@code name} in a passwd(5) file, if it has a well-formed one. NIS
     * compatibility lines ({@code +}, {@code -}) and unreadable files count as no entry.
     */
    static Optional<UnixUser> inPasswdFile(Path file, String name) {
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            return Optional.empty(); // not a login name; it would match the wrong line
        }
        String prefix = name + ":";
        try {
            // ISO-8859-1 decodes any byte, so a non-UTF-8 comment field cannot make the read fail.
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith(prefix)) {
                    String[] fields = line.split(":", -1);
                    if (fields.length >= 4) {
                        return Optional.of(new UnixUser(name, Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No such file, or an odd entry: getent decides.
        }
        return Optional.empty();
    }

    private static UnixUser throughGetent(String name) {
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
