package org.pifpaf.cli;

import java.util.List;
import org.pifpaf.api.RunningDaemon;

/** What one {@code pifpaf run} started: one daemon, or a stack file's daemons. */
final class Started implements AutoCloseable {

    /** A started daemon and the prefix of its variables. */
    record Member(RunningDaemon daemon, String prefix) {
    }

    /** Starts what a run asks for. */
    @FunctionalInterface
    interface Launch {
        /**
         * @param progress told what the start waits for, and how downloads of daemons go
         * @throws org.pifpaf.runtime.StartFailedException    when a daemon cannot start
         * @throws org.pifpaf.runtime.InvalidRequestException for a bad request
         */
        Started start(ProgressLine progress);
    }

    private final List<Member> members;
    private final AutoCloseable stopper;

    Started(List<Member> members, AutoCloseable stopper) {
        this.members = List.copyOf(members);
        this.stopper = stopper;
    }

    /** One daemon with its prefix. */
    static Started single(RunningDaemon daemon, String prefix) {
        return new Started(List.of(new Member(daemon, prefix)), daemon);
    }

    List<Member> members() {
        return members;
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
