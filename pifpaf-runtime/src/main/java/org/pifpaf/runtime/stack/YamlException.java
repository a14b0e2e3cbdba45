package org.pifpaf.runtime.stack;

/** Text that is not YAML, or YAML a stack file does not allow (duplicate keys, aliases, ...). */
public final class YamlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String path;

    /**
     * A problem at {@code line}, while reading the value of {@code path}.
     *
     * @param line    the 1-based line of the problem
     * @param path    the dotted path of the key being read, empty at the top level
     * @param problem one line saying what is wrong
     */
    public YamlException(int line, String path, String problem) {
        super(problem);
        this.line = line;
        this.path = path;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The dotted path of the key being read, e.g. {@code daemons.index}; empty at the top level. */
    public String path() {
        return path;
    }
}
