package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process is really running. A zombie (exited, not yet reaped by a parent that may
 * never reap it, e.g. an init that does not reap) counts as gone.
 */
public final class ProcessStatus {

    private ProcessStatus() {
    }

    /** Whether {@code pid} exists and is not a zombie. */
    public static boolean isRunning(long pid) {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return !isZombie(pid);
    }

    /**
     * Whether {@code pid} is a zombie with nothing left running. A multi-threaded process whose
     * main thread exited shows as a zombie while its other threads still hold its sockets open.
     */
    private static boolean isZombie(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // The state follows the command name, which is in parentheses and may hold spaces.
            int end = stat.lastIndexOf(')');
            if (end <= 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z') {
                return false;
            }
            try (var threads = Files.list(proc.resolve("task"))) {
                return threads.count() <= 1;
            }
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (macOS) or the process just went: trust isAlive
        }
    }
}
