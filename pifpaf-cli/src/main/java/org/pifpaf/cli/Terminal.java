package org.pifpaf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether output goes to a person: colour and progress only on a terminal, and never with
 * {@code NO_COLOR} set or {@code TERM=dumb}.
 */
final class Terminal {

    private Terminal() {
    }

    /** Whether standard output is a terminal that takes colour. */
    static boolean colourOnStdout() {
        return isTerminal(1) && !plainRequested() && !noColour();
    }

    /** Whether standard error is a terminal a progress line can be drawn on. */
    static boolean progressOnStderr() {
        return isTerminal(2) && !plainRequested();
    }

    private static boolean noColour() {
        String noColour = System.getenv("NO_COLOR");
        return noColour != null && !noColour.isEmpty();
    }

    private static boolean plainRequested() {
        return "dumb".equals(System.getenv("TERM"));
    }

    /** Whether file descriptor {@code fd} is a terminal (Linux: its link in /proc names a tty). */
    private static boolean isTerminal(int fd) {
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
