package org.pifpaf.api;

/**
 * A driver that another one starts ({@link DriverContext#daemon(String)}) is not installed; the
 * message says which jar and module provide it.
 */
public class MissingDriverException extends MissingSoftwareException {

    private static final long serialVersionUID = 1L;

    private final transient NestedDriver nested;

    /**
     * @param nested   the missing driver, as the outer one declares it
     * @param neededBy the outer driver's name
     */
    public MissingDriverException(NestedDriver nested, String neededBy) {
        super("driver '" + nested.name() + "' (which " + neededBy + " starts)",
                "it comes with " + nested.provider() + ": put that jar in a drivers directory or on the class path");
        this.nested = nested;
    }

    /** The missing driver, as declared. */
    public NestedDriver nested() {
        return nested;
    }
}
