package org.pifpaf.runtime;

import java.util.List;

/**
 * A daemon did not start. The message is one line for the user; {@link #logTail()} holds the
 * last lines of the daemon's output, if it produced any.
 */
public class StartFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> logTail;

    /** @param message one line @param logTail the last lines of output @param cause the cause */
    public StartFailedException(String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.logTail = List.copyOf(logTail);
    }

    /** The last lines of the daemon's output (empty if none). */
    public List<String> logTail() {
        return logTail;
    }
}
