package org.pifpaf.runtime.ready;

import org.pifpaf.api.Command;
import org.pifpaf.api.Ready;
import org.pifpaf.runtime.process.LaunchedProcess;

/**
 * Waits until a launched daemon is ready: polls its condition every few milliseconds, fails as
 * soon as the process exits, and gives up at the deadline.
 */
public final class ReadinessWaiter {

    private static final long MAX_POLL_MILLIS = 10;

    private ReadinessWaiter() {
    }

    /** Runs a probe command and tells whether it exited with status 0. */
    @FunctionalInterface
    public interface CommandRunner {
        /** @return whether {@code probe} succeeded */
        boolean succeeds(Command probe);
    }

    /**
     * Returns when {@code ready} holds for {@code process}.
     *
     * @param commandRunner runs a probe command, telling whether it exited 0
     * @param waiting       told the process's label and what is waited for, before the wait
     * @throws NotReadyException     when the process exits first
     * @throws StartTimeoutException when the deadline passes
     */
    public static void await(LaunchedProcess process, Ready ready, Deadline deadline,
                             CommandRunner commandRunner, java.util.function.BiConsumer<String, String> waiting)
            throws InterruptedException {
        Probe probe = Probes.of(ready, process, commandRunner);
        waiting.accept(process.command().label(), probe.describe());
        long pause = 1;
        while (!probe.holds()) {
            if (!process.isAlive()) {
                // It may have printed the line just before exiting, e.g. a failing second stage.
                throw new NotReadyException(process.command().label() + " exited with status "
                        + process.exitStatus() + " before it was ready (waiting for " + probe.describe() + ")");
            }
            if (deadline.expired()) {
                throw new StartTimeoutException(process.command().label() + " was not ready after "
                        + deadline.timeout().toSeconds() + "s (waiting for " + probe.describe()
                        + "); raise --timeout if it is just slow");
            }
            Thread.sleep(pause);
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }
}
