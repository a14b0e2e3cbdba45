package org.pifpaf.runtime.ready;

import java.util.List;
import java.util.function.BiConsumer;
import org.pifpaf.api.Command;
import org.pifpaf.api.Ready;
import org.pifpaf.runtime.process.LaunchedProcess;

/**
 * Waits until a launched daemon is ready: polls its condition every few milliseconds, fails as
 * soon as the process (or one launched together with it) exits, and gives up at the deadline.
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
     * @param launchedWith  processes launched together with it: one exiting fails the wait too,
     *                      at once rather than at the deadline
     * @throws NotReadyException     when the process, or one of {@code launchedWith}, exits first
     * @throws StartTimeoutException when the deadline passes
     */
    public static void await(LaunchedProcess process, Ready ready, Deadline deadline, CommandRunner commandRunner,
                             BiConsumer<String, String> waiting, List<LaunchedProcess> launchedWith)
            throws InterruptedException {
        Probe probe = Probes.of(ready, process, commandRunner);
        waiting.accept(process.label(), probe.describe());
        long pause = 1;
        while (!probe.holds()) {
            if (!process.isAlive()) {
                // It may have printed the line just before exiting, e.g. a failing second stage.
                throw new NotReadyException(process.label() + " exited with status " + process.exitStatus()
                        + " before it was ready (waiting for " + probe.describe() + ")", process.label(), process.logFile());
            }
            for (LaunchedProcess other : launchedWith) {
                if (!other.isAlive()) {
                    throw new NotReadyException(other.label() + " exited with status " + other.exitStatus()
                            + " while " + process.label() + " was starting (waiting for " + probe.describe() + ")",
                            other.label(), other.logFile());
                }
            }
            if (deadline.expired()) {
                throw new StartTimeoutException(process.label() + " was not ready after "
                        + deadline.timeout().toSeconds() + "s (waiting for " + probe.describe()
                        + "); raise --timeout if it is just slow", process.label(), process.logFile());
            }
            Thread.sleep(pause);
            pause = Math.min(MAX_POLL_MILLIS, pause * 2);
        }
    }
}
