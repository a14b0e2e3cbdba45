package org.pifpaf.runtime.cache;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pifpaf.runtime.system.SystemTools;

/**
 * The cache's chores that nobody has to wait for (copying a spare, removing a used tree), each a
 * process in a session of its own (so a terminal's Ctrl-C passes it by), working from {@code /}.
 *
 * <p>A <em>detached</em> one is started through {@code setsid --fork}, so it is not this JVM's
 * child: a JVM that exits soon after its daemon stopped (the command line) is not held at exit
 * by a child still running (HotSpot waits up to 300 ms for threads in native code, such as the
 * one waiting for a child). An attached one is this JVM's child, which {@link #await} can wait
 * for. Without {@code setsid}, every one is attached.
 */
final class BackgroundWork {

    /** The attached processes started so far and maybe still running. */
    private static final List<Process> ATTACHED = new ArrayList<>();

    private BackgroundWork() {
    }

    /** Starts {@code argv}, detached or not; its output is discarded. @throws IOException if it cannot start */
    static Process start(List<String> argv, boolean detached) throws IOException {
        List<String> command = new ArrayList<>();
        if (SystemTools.SETSID != null) {
            command.add(SystemTools.SETSID.toString());
            if (detached) {
                command.add("--fork");
            }
        }
        command.addAll(argv);
        Process process = new ProcessBuilder(command).directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!detached || SystemTools.SETSID == null) {
            synchronized (ATTACHED) {
                ATTACHED.removeIf(attached -> !attached.isAlive());
                ATTACHED.add(process);
            }
        }
        return process;
    }

    /** Waits up to {@code wait} for the attached processes; whether all are done. */
    static boolean await(Duration wait) throws InterruptedException {
        List<Process> processes;
        synchronized (ATTACHED) {
            processes = new ArrayList<>(ATTACHED);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (Process process : processes) {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
