package org.pifpaf.api;

/**
 * Something a daemon needs is not installed: a binary, a Java daemon's jars, or another driver.
 * The message names it and says how to install it; front ends report every kind alike (the
 * command line exits with status 3, tests skip outside CI).
 */
public abstract class MissingSoftwareException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final String missing;
    private final String installHint;

    /**
     * @param missing     what is missing, e.g. {@code redis-server}
     * @param installHint how to get it, e.g. {@code install it with 'apt-get install redis-server'}
     */
    protected MissingSoftwareException(String missing, String installHint) {
        super(missing + " not found; " + installHint);
        this.missing = missing;
        this.installHint = installHint;
    }

    /** What is missing, e.g. {@code redis-server}. */
    public String missing() {
        return missing;
    }

    /** How to get it, e.g. {@code install it with 'apt-get install redis-server'}. */
    public String installHint() {
        return installHint;
    }
}
