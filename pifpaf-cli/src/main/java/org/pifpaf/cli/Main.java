package org.pifpaf.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.cli.logging.LogSink;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverConflictException;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;
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
        DriverRegistry registry;
        try {
            registry = DriverRegistry.discover(driverDirs(args));
        } catch (DriverConflictException e) {
            System.err.println("pifpaf: " + e.getMessage());
            return ExitCodes.DRIVER_CONFLICT;
        }
        return commandLine(registry, List.of(args)).execute(args);
    }

    static CommandLine commandLine(DriverRegistry registry, List<String> rawArgs) {
        PifpafCommand global = new PifpafCommand();
        DaemonStarter starter = new DaemonStarter(registry);
        RunCommand run = new RunCommand(global, starter, rawArgs);
        CommandLine cli = new CommandLine(global);
        CommandLine runLine = new CommandLine(run);
        for (DriverDescriptor descriptor : registry.drivers()) {
            DaemonDriver driver = descriptor.driver();
            DriverRun driverRun = new DriverRun(driver.name(), starter, global, run, rawArgs);
            DriverCommand command = new DriverCommand(driver, driverRun);
            driverRun.attach(command);
            runLine.addSubcommand(driver.name(), command.spec());
        }
        cli.addSubcommand("run", runLine);
        cli.addSubcommand(new ListDriversCommand(registry));
        cli.addSubcommand(new StatusCommand());
        cli.addSubcommand(new StopCommand());
        cli.addSubcommand(new ConfigCommand(registry));
        // Hidden: prints the bash/zsh completion script, made from this very model (drivers included).
        cli.addSubcommand("generate-completion", new CommandLine(new picocli.AutoComplete.GenerateCompletion()));
        cli.addSubcommand(new ManPage());
        cli.setParameterExceptionHandler(new UsageErrorHandler(registry));
        cli.setExecutionExceptionHandler((e, line, parseResult) -> {
            throw e; // a bug: let the stack trace show
        });
        cli.setExecutionStrategy(parseResult -> {
            Integer invalid = configureLogging(global);
            return invalid != null ? invalid : new CommandLine.RunLast().execute(parseResult);
        });
        return cli;
    }

    private static Integer configureLogging(PifpafCommand global) {
        LogSink.consoleLevel(global.debug ? Level.DEBUG : global.verbose ? Level.INFO
                : global.quiet ? Level.ERROR : Level.WARN);
        if (global.logFile != null) {
            if (Files.isDirectory(global.logFile)) {
                return Usage.error("--log-file: " + global.logFile + " is a directory");
            }
            try {
                LogSink.logFile(global.logFile);
            } catch (java.io.IOException e) {
                return Usage.error("--log-file: cannot write " + global.logFile + ": " + e.getMessage());
            }
        }
        return null;
    }

    /**
     * The drivers directories: the distribution's own, those named by {@code --drivers-dir}
     * (read before parsing, since the drivers define the rest of the command line), then
     * those in {@code PIFPAF_DRIVERS_PATH}.
     */
    static List<Path> driverDirs(String[] args) {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("pifpaf.home");
        if (home != null) {
            dirs.add(Path.of(home, "drivers"));
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--") || args[i].equals("run") || args[i].equals("list-drivers") || args[i].equals("list")) {
                break;
            }
            if (args[i].equals("--drivers-dir") && i + 1 < args.length) {
                dirs.add(Path.of(args[++i]));
            } else if (args[i].startsWith("--drivers-dir=")) {
                dirs.add(Path.of(args[i].substring("--drivers-dir=".length())));
            }
        }
        dirs.addAll(DriverRegistry.driversPathFromEnvironment());
        return dirs;
    }
}
