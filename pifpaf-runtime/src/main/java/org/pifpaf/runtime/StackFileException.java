package org.pifpaf.runtime;

import java.nio.file.Path;

/**
 * A stack file that cannot be used, with where and why, in one line:
 * {@code pifpaf.yaml:4: daemons.index.options.sync: 'maybe' is not true or false}.
 */
public final class StackFileException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final int line;
    private final String key;
    private final String problem;

    StackFileException(Path file, int line, String key, String problem) {
        super(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    /** The stack file, as it was named. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem; 0 when the file itself cannot be read. */
    public int line() {
        return line;
    }

    /**
     * The dotted path of the key at fault, e.g. {@code daemons.index.options.sync}; empty when the
     * problem is the file as a whole (it cannot be read, is empty, or is not a mapping).
     */
    public String key() {
        return key;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
