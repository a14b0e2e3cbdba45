package org.pifpaf.runtime;

import java.nio.file.Path;
import org.pifpaf.api.ProcessFailedException;

/** A one-shot command of a driver (e.g. initdb) exited with a non-zero status. */
final class CommandFailedException extends ProcessFailedException {

    private static final long serialVersionUID = 1L;

    CommandFailedException(String message, String label, Path logFile) {
        super(message, label, logFile);
    }
}
