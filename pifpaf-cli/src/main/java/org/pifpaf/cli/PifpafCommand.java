package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pifpaf}: the global options; the work is done by its sub-commands. */
@Command(name = "pifpaf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Starts throw-away daemons (PostgreSQL, Redis, Memcached, ...) in a private "
                + "directory, runs a command with their variables, then stops them and removes the directory.",
        footer = {"", "Examples:",
                "  pifpaf run postgresql -- psql -c 'select 1'",
                "  eval \"$(pifpaf run redis --port 0)\"; redis-cli -p \"$PIFPAF_REDIS_PORT\" ping; pifpaf_stop",
                "  pifpaf list-drivers"})
final class PifpafCommand implements Runnable {

    @Option(names = {"-v", "--verbose"}, description = "Also log what pifpaf does (info level).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Log errors only.")
    boolean quiet;

    @Option(names = "--debug", description = "Log everything, daemon output included, with stack traces.")
    boolean debug;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also write the log to FILE.")
    Path logFile;

    @Option(names = {"-e", "--env-prefix"}, paramLabel = "PREFIX",
            description = "Prefix of the exported variables; wins over the one given to run.")
    String envPrefix;

    @Option(names = {"-g", "--global-urls-variable"}, paramLabel = "NAME",
            description = "Variable the URL is appended to; wins over the one given to run.")
    String globalUrlsVariable;

    @Option(names = "--drivers-dir", paramLabel = "DIR",
            description = "Also load the driver jars in DIR (repeatable; see also $PIFPAF_DRIVERS_PATH).")
    List<Path> driversDirs = new ArrayList<>();

    /** Set on the detached process that holds an eval-mode daemon. */
    @Option(names = "--supervisor", hidden = true)
    boolean supervisor;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The variable naming options given here, as run options (they win over run's). */
    RunOptions namingOptions() {
        RunOptions options = new RunOptions();
        options.envPrefix = envPrefix;
        options.globalUrlsVariable = globalUrlsVariable;
        return options;
    }
}
