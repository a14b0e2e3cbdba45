package org.pifpaf.runtime.system;

import java.io.IOException;
import java.util.List;
import org.pifpaf.api.Signal;

/** Sends signals to processes and process groups. */
public final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} to process {@code pid}; a process already gone is not an error. */
    public static void send(long pid, Signal signal) {
        switch (signal) {
            case TERM -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            case KILL -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            default -> {
                if (!Reaper.signal(signal, Long.toString(pid))) {
                    kill(List.of("-s", signal.name(), Long.toString(pid)));
                }
            }
        }
    }

    /**
     * Sends {@code signal} to every process of group {@code pgid}; an empty group is not an
     * error. The reaper sends it if it runs; else {@code kill(1)} does, unless the group has no
     * running member (checked first, cheaper than starting a process).
     */
    public static void sendToGroup(long pgid, Signal signal) {
        if (Reaper.signal(signal, "-" + pgid) || !ProcessGroup.mayHaveRunningMember(pgid)) {
            return;
        }
        kill(List.of("-s", signal.name(), "--", "-" + pgid));
    }

    private static void kill(List<String> args) {
        var argv = new java.util.ArrayList<String>();
        argv.add(SystemTools.KILL);
        argv.addAll(args);
        try {
            new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            // No kill(1): nothing more we can do for this signal.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
