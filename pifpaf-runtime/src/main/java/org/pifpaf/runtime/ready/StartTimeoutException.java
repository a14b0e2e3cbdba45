package org.pifpaf.runtime.ready;

import java.nio.file.Path;
import org.pifpaf.api.ProcessFailedException;

/** A daemon (or a command it needs) did not get ready within the start-up timeout. */
public final class StartTimeoutException extends ProcessFailedException {

    private static final long serialVersionUID = 1L;

    /** @param message one line saying what was waited for @param label the process's label @param logFile its log */
    public StartTimeoutException(String message, String label, Path logFile) {
        super(message, label, logFile);
    }
}
