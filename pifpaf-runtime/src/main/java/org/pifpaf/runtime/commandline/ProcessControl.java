package org.pifpaf.runtime.commandline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pifpaf.api.Signal;
import org.pifpaf.runtime.process.ProcessTree;
import org.pifpaf.runtime.system.ProcessStatus;
import org.pifpaf.runtime.system.Signals;
import org.pifpaf.runtime.system.SystemTools;

/** Process operations front ends need for their own children (a user's command, a supervisor). */
public final class ProcessControl {

    private ProcessControl() {
    }

    /**
     * {@code argv} prefixed so that it runs in a new session (own process group, no controlling
     * terminal), where {@code setsid(1)} exists.
     */
    public static List<String> inNewSession(List<String> argv) {
        return SystemTools.inNewSession(argv);
    }

    /**
     * {@code argv} prefixed so that it runs detached, in a session of its own and not as this
     * process's child ({@code setsid --fork}), so that this JVM's exit does not wait for it; empty
     * where {@code setsid(1)} is missing.
     */
    public static Optional<List<String>> detached(List<String> argv) {
        if (SystemTools.SETSID == null) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(List.of(SystemTools.SETSID.toString(), "--fork"));
        all.addAll(argv);
        return Optional.of(all);
    }

    /** Whether {@link #inNewSession} really starts a new session here. */
    public static boolean sessionsSupported() {
        return SystemTools.sessionsSupported();
    }

    /** Sends {@code signal} to {@code pid}. */
    public static void signal(long pid, Signal signal) {
        Signals.send(pid, signal);
    }

    /** Stops {@code process} and its descendants: {@code signal}, {@code grace}, then SIGKILL. */
    public static void stopTree(ProcessHandle process, Signal signal, Duration grace) {
        ProcessTree.stop(process, signal, grace, false);
    }

    /** Whether {@code pid} is running (a zombie is not). */
    public static boolean isRunning(long pid) {
        return ProcessStatus.isRunning(pid);
    }
}
