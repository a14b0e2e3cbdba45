package org.pifpaf.runtime;

import java.util.List;
import org.pifpaf.api.MissingSoftwareException;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.ready.StartTimeoutException;

/**
 * A daemon did not start. The message is one line for the user; {@link #logTail()} holds the
 * last lines of the daemon's output, if it produced any; {@link #reason()} classifies it.
 */
public class StartFailedException extends RuntimeException {

    /** Why a start failed, for callers that react differently (the CLI's exit status). */
    public enum Reason {
        /** The daemon (or a command it needed) failed: its output says why. */
        DAEMON_FAILED,
        /** Something it needs is not installed: a binary, a Java daemon's jars, a nested driver. */
        MISSING_BINARY,
        /** A fixed port asked for is taken. */
        PORT_IN_USE,
        /** It was not ready within the start-up timeout. */
        TIMEOUT,
        /** Its data directory could not be created. */
        DATA_DIRECTORY,
        /** The start was interrupted (a signal, a cancelled test). */
        INTERRUPTED,
        /** The daemon had to be fetched and could not be (the repository unreachable, a corrupt artifact). */
        PROVISION_FAILED
    }

    private static final long serialVersionUID = 1L;

    private final List<String> logTail;

    /** @param message one line @param logTail the last lines of output @param cause the cause */
    public StartFailedException(String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.logTail = List.copyOf(logTail);
    }

    /** Why it failed, from the cause. */
    public Reason reason() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProvisionFailedException) {
                return Reason.PROVISION_FAILED;
            } else if (cause instanceof MissingSoftwareException) {
                return Reason.MISSING_BINARY;
            } else if (cause instanceof PortInUseException) {
                return Reason.PORT_IN_USE;
            } else if (cause instanceof StartTimeoutException) {
                return Reason.TIMEOUT;
            } else if (cause instanceof DataDirectory.CreationFailed) {
                return Reason.DATA_DIRECTORY;
            } else if (cause instanceof StartInterruptedException || cause instanceof InterruptedException) {
                return Reason.INTERRUPTED;
            }
        }
        return Reason.DAEMON_FAILED;
    }

    /** The last lines of the daemon's output (empty if none). */
    public List<String> logTail() {
        return logTail;
    }
}
