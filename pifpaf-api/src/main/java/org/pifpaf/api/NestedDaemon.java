package org.pifpaf.api;

/**
 * A daemon started by another driver through {@link DriverContext#daemon(String)}: its URL and
 * variables, for the outer driver's configuration. The runtime stops it after the outer
 * daemon's own processes; closing it earlier is allowed.
 */
public interface NestedDaemon extends RunningDaemon {

    /** The prefix of its variables: the outer daemon's. */
    String prefix();

    /**
     * A variable's value, by its full name ({@code PGPORT}) or without the prefix
     * ({@code POSTGRESQL_PORT}).
     *
     * @throws java.util.NoSuchElementException if it exported no such variable
     */
    String env(String name);
}
