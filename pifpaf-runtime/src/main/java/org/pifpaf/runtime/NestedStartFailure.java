package org.pifpaf.runtime;

import java.util.List;
import org.pifpaf.api.DriverException;

/**
 * A nested daemon did not start: it has been cleaned up, and the outer start fails with its
 * message (which names it) and the tail of its log.
 */
final class NestedStartFailure extends DriverException {

    private static final long serialVersionUID = 1L;

    private final List<String> logTail;

    NestedStartFailure(StartFailedException failure) {
        super(failure.getMessage(), failure);
        this.logTail = failure.logTail();
    }

    /** The last lines of the nested daemon's failing process. */
    List<String> logTail() {
        return logTail;
    }
}
