package org.pifpaf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pifpaf.runtime.Environment;

/**
 * Whether output goes to a person: colour and progress only on a terminal, and never with
 * {@code NO_COLOR} set or {@code TERM=dumb}. The streams are this process's own, or (in the
 * pifpaf server) a client's, which the client says are terminals or not.
 */
final class Terminal {

    private final Environment environment;
    /** The client's answers for standard output and error; null for this process's own streams, asked when needed. */
    private final boolean[] clientTerminals;

    private Terminal(Environment environment, boolean[] clientTerminals) {
        this.environment = environment;
        this.clientTerminals = clientTerminals;
    }

    /** This process's standard streams, in {@code environment}. */
    static Terminal ofProcess(Environment environment) {
        return new Terminal(environment, null);
    }

    /** A client's standard streams, which it says are terminals or not, in its {@code environment}. */
    static Terminal ofClient(Environment environment, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
        return new Terminal(environment, new boolean[] {stdoutIsTerminal, stderrIsTerminal});
    }

    /** Whether standard output is a terminal that takes colour. */
    boolean colourOnStdout() {
        return isTerminal(1) && !plainRequested() && !noColour();
    }

    /** Whether standard error is a terminal a progress line can be drawn on. */
    boolean progressOnStderr() {
        return isTerminal(2) && !plainRequested();
    }

    /** The terminal's width: {@code $COLUMNS}, else 80. */
    int columns() {
        try {
            return Integer.parseInt(environment.nonBlank("COLUMNS").orElse("80"));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    private boolean noColour() {
        String noColour = environment.get("NO_COLOR");
        return noColour != null && !noColour.isEmpty();
    }

    private boolean plainRequested() {
        return "dumb".equals(environment.get("TERM"));
    }

    /** Whether file descriptor {@code fd} (1 or 2) is a terminal. */
    private boolean isTerminal(int fd) {
        return clientTerminals != null ? clientTerminals[fd - 1] : processFdIsTerminal(fd);
    }

    /** Whether this process's {@code fd} is a terminal (Linux: its link in /proc names a tty). */
    private static boolean processFdIsTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return fd == 1 && System.console() != null;
        }
    }

    /** {@code text} in ANSI colour {@code code} when {@code colour}, plain otherwise. */
    static String paint(String text, int code, boolean colour) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
