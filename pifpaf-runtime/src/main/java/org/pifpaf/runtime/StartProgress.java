package org.pifpaf.runtime;

/** Hears what a start is waiting for, for front ends that show progress. */
@FunctionalInterface
public interface StartProgress {

    /** Ignores everything. */
    StartProgress NONE = (process, condition) -> { };

    /**
     * A start now waits for {@code condition} of process {@code process}.
     *
     * @param process   the process's label, e.g. {@code postgres}
     * @param condition what is waited for, e.g. {@code a log line matching /ready/}
     */
    void waiting(String process, String condition);
}
