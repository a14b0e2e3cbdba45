package org.pifpaf.runtime;

/** A request names an unknown driver or option, or gives an option a value of the wrong type. */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the bad word */
    public InvalidRequestException(String message) {
        super(message);
    }
}
