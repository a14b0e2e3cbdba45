package org.pifpaf.runtime.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies a process's log lines to the debug log as they arrive (for {@code --debug}). */
public final class OutputEcho {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf.daemon");

    private OutputEcho() {
    }

    /**
     * Starts a daemon thread that echoes {@code process}'s output until it exits. Stopping the
     * process echoes what is left at once: the thread might not get to it before the data
     * directory, and the log with it, is removed or the JVM exits.
     */
    public static void start(LaunchedProcess process) {
        LogFile log = new LogFile(process.logFile(), process.logOffset());
        Runnable drain = () -> echoNewLines(process, log);
        process.afterStop(drain);
        Thread thread = new Thread(() -> {
            boolean alive = true;
            while (alive) {
                alive = process.isAlive();
                drain.run(); // once more after it exited, for its last lines
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "pifpaf-echo-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    /** Echoes the lines added since the last call; callers take turns on {@code log}. */
    private static void echoNewLines(LaunchedProcess process, LogFile log) {
        synchronized (log) {
            for (String line : log.newLines()) {
                LOG.debug("{} output: {}", process, line);
            }
        }
    }
}
