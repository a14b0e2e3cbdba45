package org.pifpaf.runtime.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies a process's log lines to the debug log as they arrive (for {@code --debug}). */
public final class OutputEcho {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf.daemon");

    private OutputEcho() {
    }

    /** Starts a daemon thread that echoes {@code process}'s output until it exits. */
    public static void start(LaunchedProcess process) {
        Thread thread = new Thread(() -> echo(process), "pifpaf-echo-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    private static void echo(LaunchedProcess process) {
        LogFile log = new LogFile(process.logFile(), process.logOffset());
        boolean alive = true;
        while (alive) {
            alive = process.isAlive();
            for (String line : log.newLines()) {
                LOG.debug("{} output: {}", process, line);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
