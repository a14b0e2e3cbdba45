package org.pifpaf.runtime.ready;

import java.nio.file.Path;
import org.pifpaf.api.DriverException;

/** A daemon exited before it, or a process launched together with it, was ready. */
public final class NotReadyException extends DriverException {

    private static final long serialVersionUID = 1L;

    /** Paths are not serializable; the message names the process anyway. */
    private final transient Path logFile;

    NotReadyException(String message, Path logFile) {
        super(message);
        this.logFile = logFile;
    }

    /** The log file of the process that exited: where to look for why. */
    public Path logFile() {
        return logFile;
    }
}
