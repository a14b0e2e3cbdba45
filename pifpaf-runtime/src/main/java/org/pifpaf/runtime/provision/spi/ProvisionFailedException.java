package org.pifpaf.runtime.provision.spi;

import org.pifpaf.api.DriverException;

/**
 * A daemon could not be provisioned: its artifact could not be resolved or downloaded (the
 * repository unreachable, a corrupt file that stays corrupt), unpacked or kept. The message
 * names the artifact and the repositories asked; the command line exits with a status of its own.
 */
public class ProvisionFailedException extends DriverException {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the artifact and the repository */
    public ProvisionFailedException(String message) {
        super(message);
    }

    /** @param message one line naming the artifact and the repository @param cause the cause */
    public ProvisionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
