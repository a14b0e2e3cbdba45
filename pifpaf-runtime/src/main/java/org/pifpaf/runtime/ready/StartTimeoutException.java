package org.pifpaf.runtime.ready;

import org.pifpaf.api.DriverException;

/** A daemon (or a command it needs) did not get ready within the start-up timeout. */
public final class StartTimeoutException extends DriverException {

    private static final long serialVersionUID = 1L;

    /** @param message one line saying what was waited for */
    public StartTimeoutException(String message) {
        super(message);
    }
}
