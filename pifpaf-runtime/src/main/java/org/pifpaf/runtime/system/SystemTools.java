package org.pifpaf.runtime.system;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * {@code argv} prefixed so that it runs in a new session (own process group, no controlling
     * terminal), where {@code setsid(1)} exists.
     */
    public static List<String> inNewSession(List<String> argv) {
        List<String> all = new java.util.ArrayList<>();
        if (SETSID != null) {
            all.add(SETSID.toString());
        }
        all.addAll(argv);
        return all;
    }

    /** Whether {@link #inNewSession} really starts a new session here. */
    public static boolean sessionsSupported() {
        return SETSID != null;
    }

    /**
     * Runs a tool to its end in {@code directory}, with no input; its output is only kept for
     * the message of a failure.
     *
     * @throws IOException when it cannot be started or exits with another status than 0
     *                     (saying which, with its output)
     * @throws InterruptedIOException when interrupted while waiting (the tool is killed, the
     *                                interrupt flag kept)
     */
    public static void run(Path directory, List<String> argv) throws IOException {
        Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            int status = process.waitFor();
            if (status != 0) {
                throw new IOException(String.join(" ", argv) + " exited with status " + status
                        + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + argv.get(0));
        }
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
