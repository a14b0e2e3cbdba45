package org.pifpaf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.cache.TemplateCache;

/**
 * Throw-away daemons for tests, in-process, through the same runtime as the {@code pifpaf}
 * command.
 *
 * <pre>{@code
 * try (Daemon pg = Pifpaf.start("postgresql")) {
 *     Connection db = DriverManager.getConnection(pg.jdbcUrl());
 *     ...
 * }
 * try (Daemon redis = Pifpaf.daemon("redis").option("password", "secret").start()) {
 *     int port = redis.port();
 * }
 * }</pre>
 *
 * <p>Port options not given default to {@code 0}: free ports, claimed so that parallel test
 * JVMs never collide. Drivers come from the class path or module path and from the
 * directories in {@code PIFPAF_DRIVERS_PATH}, whose jars are loaded when a driver they provide
 * is first asked for (see {@link DriverRegistry}; the index lives in the template cache directory).
 */
public final class Pifpaf {

    private static volatile DaemonStarter starter;

    private Pifpaf() {
    }

    /** Starts {@code driver} with its default options (and free ports). */
    public static Daemon start(String driver) {
        return daemon(driver).start();
    }

    /** Starts {@code driver} with {@code options} (name without dashes to value). */
    public static Daemon start(String driver, Map<String, ?> options) {
        return daemon(driver).options(options).start();
    }

    /** A builder for a daemon of {@code driver}, for options beyond the driver's own. */
    public static DaemonBuilder daemon(String driver) {
        return new DaemonBuilder(driver, starter());
    }

    /**
     * A stack file to start: several daemons, in parallel, each after those it refers to.
     *
     * <pre>{@code
     * try (DaemonStack stack = Pifpaf.stack(Path.of("pifpaf.yaml")).start()) {
     *     Daemon index = stack.daemon("index");
     * }
     * }</pre>
     */
    public static StackBuilder stack(java.nio.file.Path file) {
        return new StackBuilder(file, starter());
    }

    /** The starter shared by this JVM (each driver is loaded once). */
    static DaemonStarter starter() {
        DaemonStarter current = starter;
        if (current == null) {
            synchronized (Pifpaf.class) {
                current = starter;
                if (current == null) {
                    current = new DaemonStarter(DriverRegistry.indexed(DriverRegistry.driversPathFromEnvironment(Environment.process()),
                            () -> Optional.of(TemplateCache.defaultRoot())));
                    starter = current;
                }
            }
        }
        return current;
    }

    /** The names of the drivers this JVM can start. */
    public static List<String> drivers() {
        return starter().registry().drivers().stream().map(d -> d.name()).toList();
    }

    /**
     * Waits, at most {@code wait}, for the work this JVM left to the template cache in the
     * background: spare copies for the next starts, removals of used trees (see the README, "The
     * template cache"). Only needed before deleting a cache directory of one's own
     * ({@code cacheDir}) while the JVM goes on; work still under way when the JVM exits is
     * finished by its own processes.
     *
     * @return whether none is under way any more
     */
    public static boolean awaitSpareCopies(java.time.Duration wait) throws InterruptedException {
        return org.pifpaf.runtime.cache.TemplateCache.awaitBackgroundWork(wait);
    }
}
