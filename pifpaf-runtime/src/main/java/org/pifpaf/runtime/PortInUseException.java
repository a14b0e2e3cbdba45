package org.pifpaf.runtime;

import org.pifpaf.api.DriverException;

/** A fixed port asked for is already taken: found before the daemon is started. */
final class PortInUseException extends DriverException {

    private static final long serialVersionUID = 1L;

    PortInUseException(int port, String option) {
        super("port " + port + " (--" + option + ") is already in use; pick another, or 0 for a free one");
    }
}
