package org.pifpaf.runtime;

/** Two drivers have the same name; the message names where both came from. */
public class DriverConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the driver and both origins */
    public DriverConflictException(String message) {
        super(message);
    }
}
