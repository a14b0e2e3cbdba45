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

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The state follows the command name, which is in parentheses and may hold spaces.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (macOS) or the process just went: trust isAlive
        }
    }
}
