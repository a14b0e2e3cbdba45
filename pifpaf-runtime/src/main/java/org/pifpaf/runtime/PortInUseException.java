package org.pifpaf.runtime;

import org.pifpaf.api.DriverException;

/** A fixed port asked for is already taken: found before the daemon is started. */
final class PortInUseException extends DriverException {

    private static final long serialVersionUID = 1L;

    PortInUseException(int port, String option) {
        this(port, port, option);
    }

    /** {@code taken}: {@code port} itself or one after it that the daemon binds too. */
    PortInUseException(int port, int taken, String option) {
        super((taken == port ? "port " + port + " (--" + option + ")"
                : "port " + taken + " (--" + option + " " + port + " + " + (taken - port) + ", which the daemon binds too)")
                + " is already in use; pick another, or 0 for a free one");
    }
}
