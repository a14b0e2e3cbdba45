package org.pifpaf.runtime.ready;

import org.pifpaf.api.DriverException;

/** A daemon exited or timed out before it was ready. */
public final class NotReadyException extends DriverException {

    private static final long serialVersionUID = 1L;

    NotReadyException(String message) {
        super(message);
    }
}
