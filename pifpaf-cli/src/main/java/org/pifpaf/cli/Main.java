package org.pifpaf.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.cli.logging.LogSink;
import org.pifpaf.runtime.DaemonSpec;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverConflictException;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.runtime.commandline.UserConfig;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import picocli.CommandLine;

/** The {@code pifpaf} command's entry point. */
public final class Main {

    private Main() {
    }

    /** Runs pifpaf and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs pifpaf with {@code args} and returns the exit status. */
    public static int run(String[] args) {
        Invocation invocation = Invocation.ofProcess();
        int status;
        DriverRegistry registry = null;
        try {
            CommandLineScan scan = CommandLineScan.of(List.of(args));
            Environment environment = invocation.environment();
            registry = DriverRegistry.indexed(driverDirs(scan, environment),
                    () -> UserConfig.cacheDirOf(UserConfig.defaultFile(environment), environment)
                            .map(UserConfig.CacheDir::path));
            Optional<DriverPrefetch> driver = prefetch(registry, scan);
            if (driver.isPresent()) {
                // While the driver loads, with the defaults: a run that changes them (--run-as, say) prepares its own.
                DaemonStarter.prepare(StartRequest.builder(driver.get().name()).build());
            }
            // Most runs are plain enough to read without picocli, whose model costs more than the rest of the reading.
            Optional<PlainRunLine> plain = PlainRunLine.parse(scan, driver);
            if (plain.isPresent()) {
                status = plain.get().run(new DaemonStarter(registry), scan.args(), invocation);
            } else {
                status = commandLine(registry, scan, driver).execute(args);
            }
        } catch (DriverConflictException e) {
            status = conflict(e);
        }
        ServerAutoStart.afterRun(invocation.environment(), registry);
        return status;
    }

    private static int conflict(DriverConflictException e) {
        System.err.println("pifpaf: " + e.getMessage());
        return ExitCodes.DRIVER_CONFLICT;
    }

    /**
     * The picocli model. Building it is most of pifpaf's own start-up, so when the command line
     * selects a sub-command ({@link CommandLineScan#subcommand}) only that one is built, and under
     * {@code run} only the driver named; otherwise (no sub-command, help, the completion and
     * man-page generators, anything unclear) the whole model is. The models on the way to a daemon
     * are built in code, the others from their annotations (see {@link Models}).
     *
     * @param named the driver the line names under {@code run}, being looked up
     */
    static CommandLine commandLine(DriverRegistry registry, CommandLineScan scan, Optional<DriverPrefetch> named) {
        PifpafCommand global = new PifpafCommand();
        DaemonStarter starter = new DaemonStarter(registry);
        CommandLine cli = new CommandLine(global.model());
        String word = scan.subcommand().orElse("");
        Object leaf = leaf(word, registry);
        if (word.equals("run")) {
            cli.addSubcommand("run", runLine(starter, global, scan.args(), named));
        } else if (leaf != null) {
            cli.addSubcommand(leaf);
        } else {
            cli.addSubcommand("run", runLine(starter, global, scan.args(), Optional.empty())); // every driver
            for (String name : List.of("list-drivers", "status", "stop", "config", "fetch", "server")) {
                cli.addSubcommand(leaf(name, registry));
            }
            // Hidden: prints the bash/zsh completion script, made from this very model (drivers included).
            cli.addSubcommand("generate-completion", new CommandLine(new picocli.AutoComplete.GenerateCompletion()));
            cli.addSubcommand(new ManPage());
        }
        // An @file is expanded wherever it is, even in the user's command: curl -d @body.json must stay as it is.
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler(new UsageErrorHandler(registry));
        cli.setExecutionExceptionHandler(new ConflictHandler());
        cli.setExecutionStrategy(new LoggingThenRunLast(global));
        return cli;
    }

    /*
     * The two picocli callbacks are classes, not lambdas: picocli's interfaces are compiled for
     * Java 5, and the class-data-sharing dump has to link an interface to archive a lambda
     * implementing it, which it cannot do for such old classes; with a lambda, the interface,
     * its implementations in picocli and the lambda are all left out of the archive.
     */

    /** Drivers are loaded lazily, so a command may meet a driver conflict; anything else is a bug. */
    private static final class ConflictHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine line, CommandLine.ParseResult parseResult)
                throws Exception {
            if (e instanceof DriverConflictException conflict) {
                return conflict(conflict);
            }
            throw e; // let the stack trace show
        }
    }

    /** Sets the logging up from the global options, then runs the selected sub-command. */
    private static final class LoggingThenRunLast implements CommandLine.IExecutionStrategy {
        private final PifpafCommand global;

        LoggingThenRunLast(PifpafCommand global) {
            this.global = global;
        }

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            Integer invalid = configureLogging(global, System.err);
            return invalid != null ? invalid : new CommandLine.RunLast().execute(parseResult);
        }
    }

    /**
     * {@code pifpaf run}, with the driver {@code named}, or with every driver when none is known by
     * that name. A driver named with a version ({@code postgresql@16}) is a sub-command under that
     * very word, which picocli then recognises; its help and options are the driver's.
     */
    private static CommandLine runLine(DaemonStarter starter, PifpafCommand global, List<String> rawArgs,
                                       Optional<DriverPrefetch> named) {
        RunCommand run = new RunCommand(global, starter, rawArgs, Invocation.ofProcess());
        CommandLine runLine = new CommandLine(run.model());
        Optional<DriverDescriptor> found = named.isPresent() ? named.get().driver() : Optional.empty();
        for (DriverDescriptor descriptor : found.map(List::of).orElseGet(starter.registry()::drivers)) {
            DaemonDriver driver = descriptor.driver();
            String word = found.isPresent() ? named.get().name() : driver.name();
            DriverCommand command = new DriverCommand(driver, run, new DriverRun(driver, word, starter, global, rawArgs,
                    Invocation.ofProcess()));
            runLine.addSubcommand(word, command.spec());
        }
        return runLine;
    }

    /**
     * Starts looking up the driver the line names under {@code run}, if it names one plainly;
     * {@code postgresql@16} names the driver postgresql, and a malformed version is left for
     * picocli's reading to report.
     */
    static Optional<DriverPrefetch> prefetch(DriverRegistry registry, CommandLineScan scan) {
        return scan.driver().filter(name -> driverPart(name).isPresent()).map(name -> DriverPrefetch.start(registry, name));
    }

    /** The driver {@code word} names, with or without a version; empty for a malformed one (reported later). */
    static Optional<String> driverPart(String word) {
        try {
            return Optional.of(DaemonSpec.parse(word).driver());
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    /** The sub-command other than {@code run} named {@code word} (by name or alias), or null. */
    private static Object leaf(String word, DriverRegistry registry) {
        return switch (word) {
            case "list-drivers", "list" -> new ListDriversCommand(registry, Invocation.ofProcess());
            case "status" -> new StatusCommand();
            case "stop" -> new StopCommand();
            case "config" -> new ConfigCommand(registry);
            case "fetch" -> new FetchCommand(registry);
            case "server" -> new ServerCommand(registry);
            default -> null;
        };
    }

    /**
     * Sets the logging up as the global options say; returns the exit status of a bad option, or
     * null. A mistake is told on {@code err}.
     */
    static Integer configureLogging(PifpafCommand global, PrintStream err) {
        LogSink.consoleLevel(global.debug ? Level.DEBUG : global.verbose ? Level.INFO
                : global.quiet ? Level.ERROR : Level.WARN);
        if (global.logFile != null) {
            if (Files.isDirectory(global.logFile)) {
                return Usage.error(err, "--log-file: " + global.logFile + " is a directory");
            }
            try {
                LogSink.logFile(global.logFile);
            } catch (java.io.IOException e) {
                return Usage.error(err, "--log-file: cannot write " + global.logFile + ": " + e.getMessage());
            }
        }
        String fallback = System.getProperty("pifpaf.server.fallback"); // set by the launcher
        if (fallback != null) {
            LoggerFactory.getLogger("pifpaf").debug("not run by the pifpaf server: {}", fallback);
        }
        return null;
    }

    /**
     * The drivers directories: the distribution's own, those the command line names (read before
     * the rest of it, since the drivers define the rest), then those in {@code PIFPAF_DRIVERS_PATH}.
     */
    static List<Path> driverDirs(CommandLineScan scan, Environment environment) {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("pifpaf.home");
        if (home != null) {
            dirs.add(Path.of(home, "drivers"));
        }
        dirs.addAll(scan.driversDirs());
        dirs.addAll(DriverRegistry.driversPathFromEnvironment(environment));
        return dirs;
    }
}
