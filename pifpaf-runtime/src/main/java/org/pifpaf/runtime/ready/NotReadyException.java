package org.pifpaf.runtime.ready;

import java.nio.file.Path;
import org.pifpaf.api.ProcessFailedException;

/** A daemon exited before it, or a process launched together with it, was ready. */
public final class NotReadyException extends ProcessFailedException {

    private static final long serialVersionUID = 1L;

    NotReadyException(String message, String label, Path logFile) {
        super(message, label, logFile);
    }
}
