package org.pifpaf.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pifpaf.api.Signal;
import org.pifpaf.cli.logging.LogSink;
import org.pifpaf.cli.server.Server;
import org.pifpaf.cli.server.ServerDirectory;
import org.pifpaf.cli.server.ServerRecord;
import org.pifpaf.cli.server.ServerSpawner;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.commandline.DurationText;
import org.pifpaf.runtime.commandline.ProcessControl;
import org.pifpaf.runtime.commandline.UserConfig;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pifpaf server start|stop|status}: a resident JVM that the launcher hands runs to, so
 * that a short {@code pifpaf run} costs no JVM start (see {@code docs/server.md}).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"A resident pifpaf that serves short runs without starting a JVM each time: start it,"
                + " check it, stop it. It serves 'run DRIVER ... -- COMMAND' and 'list-drivers' in each run's own"
                + " environment and directory, with the output, variables and exit status pifpaf's JVM gives;"
                + " it sends everything else back, and the JVM runs it as always.",
            "It lives in $XDG_RUNTIME_DIR/pifpaf/server (else $TMPDIR/pifpaf-server-UID, /tmp without TMPDIR),"
                + " private to its user (mode 0700), and exits after a while without a run (start --idle, or"
                + " server-idle in the configuration file).",
            "PIFPAF_SERVER=off: never use it. PIFPAF_SERVER=auto: a run that found none starts one."
                + " See docs/server.md."})
final class ServerCommand implements Callable<Integer> {

    /** The idle timeout when neither {@code --idle} nor the configuration sets one. */
    static final String DEFAULT_IDLE = "30m";
    private static final Duration READY_PATIENCE = Duration.ofSeconds(20);
    private static final long STOP_NOTICE_MILLIS = 1_000;

    private final DriverRegistry registry;

    ServerCommand(DriverRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        return Usage.error("server: say start, stop or status (see 'pifpaf server --help')");
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the server in the background (if it is not running), and wait until it is ready.")
    int start(@Option(names = "--idle", paramLabel = "DURATION",
            description = "Exit after this long without a run, e.g. 90s, 30m, 2h (default: the config file's"
                    + " server-idle, else " + DEFAULT_IDLE + ").") String idle) throws InterruptedException {
        Environment environment = Environment.process();
        ServerDirectory directory = ServerDirectory.of(environment);
        Optional<ServerRecord> running = directory.runningServer();
        if (running.isPresent()) {
            System.out.println("pifpaf server already running: pid " + running.get().pid() + ", " + directory.path());
            return ExitCodes.OK;
        }
        String timeout;
        try {
            timeout = idle != null ? idle : idleSetting(environment, registry);
            DurationText.parse(timeout);
        } catch (IllegalArgumentException e) {
            return Usage.error("--idle: " + e.getMessage());
        } catch (InvalidRequestException e) {
            return Usage.error(e.getMessage());
        }
        long pid;
        try {
            pid = ServerSpawner.spawn(directory, SelfLauncher.command(), timeout, environment);
        } catch (IOException e) {
            System.err.println("pifpaf: cannot start the server: " + e.getMessage());
            return ExitCodes.START_FAILED;
        }
        Optional<ServerRecord> ready = ServerSpawner.awaitReady(directory, pid, READY_PATIENCE);
        if (ready.isEmpty()) {
            Optional<ServerRecord> other = directory.runningServer();
            if (other.isPresent()) { // another start won the race
                System.out.println("pifpaf server already running: pid " + other.get().pid() + ", " + directory.path());
                return ExitCodes.OK;
            }
            System.err.println("pifpaf: the server did not start; its log (" + directory.log() + ") says:");
            ServerSpawner.logTail(directory, 20).forEach(line -> System.err.println("  | " + line));
            return ExitCodes.START_FAILED;
        }
        System.out.println("pifpaf server started: pid " + pid + ", " + directory.path());
        return ExitCodes.OK;
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the server: it takes no new run (those start their own JVM), and exits once the"
                    + " runs it serves have ended; this waits for that.")
    int stop() throws InterruptedException {
        ServerDirectory directory = ServerDirectory.of(Environment.process());
        Optional<ServerRecord> running = directory.runningServer();
        if (running.isEmpty()) {
            System.out.println("no pifpaf server is running");
            return ExitCodes.OK;
        }
        long pid = running.get().pid();
        ProcessControl.signal(pid, Signal.TERM);
        long started = System.currentTimeMillis();
        boolean told = false;
        while (running.get().isRunning()) {
            if (!told && System.currentTimeMillis() - started > STOP_NOTICE_MILLIS) {
                System.err.println("pifpaf: waiting for the runs the server (pid " + pid + ") serves to end");
                told = true;
            }
            Thread.sleep(10);
        }
        System.out.println("pifpaf server stopped: pid " + pid);
        return ExitCodes.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether the server runs (pid, directory, log); exit status 3 when it does not.")
    int status() {
        ServerDirectory directory = ServerDirectory.of(Environment.process());
        Optional<ServerRecord> running = directory.runningServer();
        if (running.isEmpty()) {
            // Say why a directory that is there is not used (another user's, open to others).
            Optional<String> problem = java.nio.file.Files.exists(directory.path()) ? directory.problem() : Optional.empty();
            System.out.println("no pifpaf server is running (" + problem.orElse("none in " + directory.path()) + ")");
            return ExitCodes.NOT_RUNNING;
        }
        System.out.println("pifpaf server running: pid " + running.get().pid() + ", " + directory.path()
                + ", serving " + directory.servedHome().map(Path::toString).orElse("?") + ", log " + directory.log());
        return ExitCodes.OK;
    }

    @Command(name = "run", hidden = true, description = "Be the server (what 'server start' runs in the background).")
    int run(@Option(names = "--idle", required = true) String idle) {
        LogSink.consoleLevel(Level.INFO);
        Environment environment = Environment.process();
        ServerDirectory directory = ServerDirectory.of(environment);
        Server server = new Server(directory, DurationText.parse(idle),
                new ServedRequests(registry, environment), Path.of(System.getProperty("pifpaf.home", "/")));
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> server.stop("SIG" + name));
        }
        try {
            server.run();
            return ExitCodes.OK;
        } catch (Server.AlreadyRunningException e) {
            System.err.println("pifpaf: " + e.getMessage());
            return ExitCodes.OK;
        } catch (IOException e) {
            System.err.println("pifpaf: the server cannot run: " + e.getMessage());
            return ExitCodes.START_FAILED;
        }
    }

    /**
     * The configuration's {@code server-idle}, else the default.
     *
     * @throws InvalidRequestException for a mistake in the configuration file
     */
    static String idleSetting(Environment environment, DriverRegistry registry) {
        UserConfig config = UserConfig.load(UserConfig.defaultFile(environment), registry, environment);
        return config.serverIdle().map(UserConfig.Setting::value).orElse(DEFAULT_IDLE);
    }
}
