package org.pifpaf.api;

/**
 * A start failure with a message meant for the user, e.g. "redis-server exited with status 1".
 * The runtime adds the tail of the daemon's log.
 */
public class DriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line saying what went wrong */
    public DriverException(String message) {
        super(message);
    }

    /** @param message one line saying what went wrong @param cause the underlying error */
    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
