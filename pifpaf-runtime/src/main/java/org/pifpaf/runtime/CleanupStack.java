package org.pifpaf.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import org.pifpaf.api.DriverContext.CleanupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean-up steps, run last-registered first; every step runs even when one fails. */
final class CleanupStack {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private record Step(String description, CleanupStep action) {
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    synchronized void push(String description, CleanupStep action) {
        steps.push(new Step(description, action));
    }

    /** Runs and forgets every step. An interrupt does not cut the clean-up short. */
    void runAll() {
        boolean interrupted = Thread.interrupted();
        try {
            Step step;
            while ((step = pop()) != null) {
                try {
                    step.action().run();
                } catch (Exception | LinkageError e) {
                    LOG.warn("clean-up step '{}' failed: {}", step.description(), e.toString());
                }
                interrupted |= Thread.interrupted();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized Step pop() {
        return steps.poll();
    }
}
