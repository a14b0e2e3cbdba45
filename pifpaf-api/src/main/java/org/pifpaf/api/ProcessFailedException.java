package org.pifpaf.api;

import java.nio.file.Path;

/**
 * A process of a daemon failed: it exited before it was ready, a one-shot command exited with
 * a non-zero status, or it was not ready in time. Carries the process's log, so that a driver
 * can tell a known cause from its output.
 */
public class ProcessFailedException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final String label;
    /** Paths are not serializable; the message names the process anyway. */
    private final transient Path logFile;

    /**
     * @param message one line saying what went wrong
     * @param label   the process's label ({@link Command#label()})
     * @param logFile the file its output went to
     */
    public ProcessFailedException(String message, String label, Path logFile) {
        super(message);
        this.label = label;
        this.logFile = logFile;
    }

    /** The label of the process that failed. */
    public String label() {
        return label;
    }

    /** The file its standard output and error went to. */
    public Path logFile() {
        return logFile;
    }
}
