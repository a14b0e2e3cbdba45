package org.pifpaf.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the runtime hands a driver in {@link DaemonDriver#start(DriverContext)}: its private data
 * directory, its option values, free ports, process launching with readiness, variables to
 * export, clean-up steps and a logger. Implemented by the runtime only.
 */
public interface DriverContext {

    /** The daemon's private, empty-at-start directory (mode 0700), removed when it stops. */
    Path dataDir();

    /** The environment-variable prefix, e.g. {@code PIFPAF}. */
    String prefix();

    /** An option's value as text, or {@code null} when it has no value. */
    String option(String name);

    /** An integer option's value. */
    int intOption(String name);

    /** A flag's or boolean option's value. */
    boolean booleanOption(String name);

    /**
     * A port option's value: the number given, or, when it is {@code 0}, a free loopback port
     * claimed for this daemon.
     */
    int port(String optionName);

    /**
     * {@link #port(String)} for a daemon that also binds the {@code count - 1} ports after it
     * (Vault's cluster listener, one above its API port): a given port must have them free too,
     * else the start fails at once; for {@code 0}, the first of {@code count} consecutive free
     * ports, all claimed.
     */
    int port(String optionName, int count);

    /** A free loopback TCP port claimed for this daemon. */
    int freePort();

    /** The first of {@code count} consecutive free loopback TCP ports, all claimed for this daemon. */
    int freePorts(int count);

    /** Finds {@code binary}, or throws {@link MissingBinaryException} naming its package. */
    Path executable(Binary binary);

    /**
     * Finds a Java daemon's installation, or throws {@link MissingDistributionException} saying
     * how to install it.
     */
    InstalledDistribution distribution(JavaDistribution distribution);

    /**
     * A daemon of another driver to start before this one, e.g. the database a service needs.
     * The driver is found by name wherever drivers come from (another jar or module layer
     * included), and must be declared in {@link DaemonDriver#nestedDrivers()}; a missing one is
     * a {@link MissingDriverException}.
     *
     * <p>The nested daemon shares this start's deadline, unprivileged user, template cache and
     * clean-up: its data directory lies inside this one's, it is stopped after this daemon's own
     * processes (nested daemons in reverse order of start), and a failure anywhere stops
     * everything started so far. Its variables use this daemon's prefix and become this
     * daemon's too, after those exported before it: a variable already exported keeps its
     * value, and this daemon's own exports and URL always win.
     */
    NestedRequest daemon(String driver);

    /**
     * Starts several nested daemons at once (those that do not depend on each other), and
     * returns once all are ready. When one fails, the others are stopped too.
     *
     * @return the daemons, in the order of {@code requests}
     */
    List<NestedDaemon> startAll(List<NestedRequest> requests);

    /**
     * Runs a one-shot command (e.g. {@code initdb}) to completion. Its output goes to its log
     * file in the data directory.
     *
     * @return its standard output and error
     * @throws DriverException if it exits with a non-zero status (the message has its output)
     */
    String run(Command command);

    /**
     * Launches a daemon process and returns once {@code ready} holds. Fails early, with the tail
     * of its output, if it exits first or the start-up timeout passes.
     */
    DaemonProcess launch(Command command, Ready ready);

    /**
     * Creates {@code target}, which must not exist yet, from {@code template}: a copy of the
     * runtime's cached tree for the template's key, or, when there is none (or caching is off),
     * the result of running the template's creator at {@code target}, which is then cached for
     * later starts. Ownership and permissions are kept.
     *
     * @throws DriverException if the creator fails
     */
    void createFromTemplate(Template template, Path target);

    /**
     * Launches several daemon processes together, e.g. the members of a cluster that can only
     * become ready once their peers run: spawns every one first, then waits for each one's
     * readiness, and returns once all hold. Fails like {@link #launch(Command, Ready)}, with the
     * tail of the failing process's output, when any of them exits first or the start-up timeout
     * passes; the runtime then stops the others.
     *
     * @return the processes, in the order of {@code launches}
     */
    List<DaemonProcess> launchAll(List<Launch> launches);

    /** Exports {@code <PREFIX>_<name>=value} to the user and to processes started from now on. */
    void export(String name, String value);

    /** Exports {@code name=value} as is (e.g. {@code PGHOST}). */
    void exportRaw(String name, String value);

    /** Sets the daemon's URL, exported as {@code <PREFIX>_URL}. */
    void url(String url);

    /** Every variable exported so far, in order. */
    Map<String, String> exported();

    /** Registers a clean-up step; they run in reverse order when the daemon stops. */
    void onStop(CleanupStep step);

    /** Whether pifpaf itself runs as root. */
    boolean runningAsRoot();

    /**
     * The user daemons run as when pifpaf is root (e.g. {@code nobody}), for daemons that take a
     * user name themselves ({@code memcached -u}).
     */
    String unprivilegedUser();

    /** The name of the user running pifpaf (clients connect as this user). */
    String invokingUser();

    /** A logger for the driver's own messages. */
    System.Logger log();

    /** A clean-up step that may fail; a failure is logged and the other steps still run. */
    @FunctionalInterface
    interface CleanupStep {
        /** Undoes one thing the driver did. @throws Exception on failure */
        void run() throws Exception;
    }
}
