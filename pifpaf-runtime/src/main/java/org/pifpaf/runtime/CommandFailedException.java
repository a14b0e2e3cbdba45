package org.pifpaf.runtime;

import org.pifpaf.api.DriverException;

/** A one-shot command of a driver (e.g. initdb) exited with a non-zero status. */
final class CommandFailedException extends DriverException {

    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message);
    }
}
