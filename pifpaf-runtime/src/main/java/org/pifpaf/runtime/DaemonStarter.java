package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.List;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.process.LogFile;
import org.pifpaf.runtime.provision.DaemonSources;
import org.pifpaf.runtime.ready.Deadline;
import org.pifpaf.runtime.system.Reaper;
import org.pifpaf.runtime.system.UnixUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts daemons: the one code path behind every front end. It creates the data directory,
 * hands the driver a context, and on any failure (or interrupt) stops what was started,
 * removes the directory and reports the tail of the daemon's output.
 */
public final class DaemonStarter {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final int LOG_TAIL_LINES = 20;

    private final DriverRegistry registry;

    /** A starter for the drivers of {@code registry}. */
    public DaemonStarter(DriverRegistry registry) {
        this.registry = registry;
    }

    /**
     * Does now what every start with {@code request}'s settings needs, whatever the driver: the
     * reaper started, the stale data directories of its temporary directory swept, a free port
     * claimed for the first one the driver asks for and, as root, the unprivileged user looked
     * up. A front end calls it while the driver loads on another thread; the start then finds it
     * done. Failures are left for the start to meet and report.
     */
    public static void prepare(StartRequest request) {
        Reaper.prepare();
        StaleDataDirectories.sweepOnce(request.tmpDir());
        try {
            FreePorts.claimAhead();
        } catch (DriverException e) {
            // No free port: the driver's own claim says so.
        }
        if (UnixUser.currentIsRoot()) {
            try {
                UnixUser.byName(request.runAs());
            } catch (DriverException e) {
                // No such user: the start says so.
            }
        }
    }

    /** The drivers this starter knows. */
    public DriverRegistry registry() {
        return registry;
    }

    /**
     * Starts a daemon and returns once it is ready. If the calling thread is interrupted, the
     * start is abandoned and cleaned up, and the interrupt flag is left set.
     *
     * @throws InvalidRequestException for an unknown driver or option, or a badly typed value
     * @throws StartFailedException    when the daemon could not be started
     */
    public RunningDaemon start(StartRequest request) {
        DaemonDriver driver = registry.find(request.driver())
                .orElseThrow(() -> new InvalidRequestException("unknown driver '" + request.driver() + "'"
                        + registry.closestName(request.driver()).map(n -> " (did you mean '" + n + "'?)").orElse("")
                        + "; see 'pifpaf list-drivers'"))
                .driver();
        return start(driver, request);
    }

    /**
     * Starts {@code driver}, which the caller has found already (the command line looks the name up
     * while it does other work), as {@link #start(StartRequest)} does; {@code request} names it.
     *
     * @throws IllegalArgumentException when {@code request} names another driver
     * @throws InvalidRequestException  for an unknown option or a badly typed value
     * @throws StartFailedException     when the daemon could not be started
     */
    public RunningDaemon start(DaemonDriver driver, StartRequest request) {
        if (!driver.name().equals(request.driver())) {
            throw new IllegalArgumentException("a request for " + request.driver() + " given driver " + driver.name());
        }
        OptionValues options = OptionValues.of(driver, request.options());
        UnixUser unprivileged = unprivilegedUser(request);
        Path dataDir = DataDirectory.create(request.tmpDir(), driver.name());
        // Spares go beside the data directories: on their file system, so taking one is a rename.
        TemplateCache templates = request.cacheDir().map(dir -> new TemplateCache(dir, request.tmpDir())).orElse(null);
        StartSettings settings = new StartSettings(registry, request.prefix(),
                Deadline.in(request.timeout().orElse(driver.startupTimeout())), unprivileged, request.runAs(),
                request.echoOutput(), request.progress(), templates, request.detachBackgroundWork(), request.keepData(),
                DaemonSources.of(request.provisioning(), request.version().orElse(null), request.binaryDirectories(),
                        request.provisionDir(), request.transferProgress(), request.environment()),
                request.environment(), driver.name());
        StartedDaemon daemon = startIn(driver, options, dataDir, settings, true);
        if (templates != null) {
            // The daemon is ready: the cache copies spares for the next starts while it is used.
            templates.makeSpares(request.detachBackgroundWork());
        }
        return daemon;
    }

    /**
     * Starts {@code driver} in {@code dataDir}, which exists and is empty: the one start of every
     * daemon, top-level or nested. On any failure (or interrupt) it undoes what it did, removes
     * the directory, and throws.
     *
     * @param topLevel whether {@code dataDir} is one of {@code $TMPDIR}'s rather than inside another daemon's
     * @throws StartFailedException when the daemon could not be started
     */
    static StartedDaemon startIn(DaemonDriver driver, OptionValues options, Path dataDir, StartSettings settings,
                                 boolean topLevel) {
        StartContext context = new StartContext(driver, dataDir, options, settings);
        Teardown teardown = context.teardown(topLevel);
        long started = System.nanoTime();
        LOG.info("starting {} in {}", settings.path(), dataDir);
        try {
            context.export("DATA", dataDir.toString());
            if (topLevel) {
                context.onStop(MemoryWatch.watch(driver.name(), dataDir)); // a tmpfs's room is memory
            }
            driver.start(context);
            if (context.url() == null) {
                throw new DriverException("driver " + driver.name() + " did not set a URL");
            }
        } catch (InvalidRequestException e) {
            teardown.run();
            throw e;
        } catch (Exception | LinkageError e) {
            List<String> tail = e instanceof NestedStartFailure nested ? nested.logTail()
                    : LogFile.tail(context.lastLogFile(), LOG_TAIL_LINES);
            teardown.run();
            if (e instanceof StartInterruptedException) {
                Thread.currentThread().interrupt(); // the caller must still see why we stopped
            }
            throw new StartFailedException(driver.name() + ": " + describe(e), tail, e);
        }
        LOG.info(StartTimes.ready(settings.path(), System.nanoTime() - started, context.url()));
        return new StartedDaemon(driver.name(), settings.prefix(), context, teardown, topLevel);
    }

    private static UnixUser unprivilegedUser(StartRequest request) {
        if (!UnixUser.currentIsRoot()) {
            return null;
        }
        try {
            return UnixUser.byName(request.runAs());
        } catch (DriverException e) {
            throw new StartFailedException(e.getMessage(), List.of(), e);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof DriverException || e instanceof StartInterruptedException) {
            // A nested daemon's message names it already: "gnocchi: postgresql: ...".
            return e.getMessage();
        }
        if (e instanceof LinkageError) {
            return "the driver does not match this pifpaf's API (built for another version?): " + e;
        }
        return "unexpected " + e;
    }
}
