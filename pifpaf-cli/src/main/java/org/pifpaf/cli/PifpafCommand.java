package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pifpaf}: the global options; the work is done by its sub-commands. */
final class PifpafCommand implements Runnable {

    boolean verbose;
    boolean quiet;
    boolean debug;
    Path logFile;
    String envPrefix;
    String globalUrlsVariable;
    List<Path> driversDirs = new ArrayList<>();
    /** Set on the detached process that holds an eval-mode daemon. */
    boolean supervisor;

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    /** The command's model, bound to this object's fields (built in code: see {@link Models}). */
    CommandSpec model() {
        spec.name("pifpaf").versionProvider(new VersionProvider());
        spec.usageMessage().autoWidth(true)
                .description("Starts throw-away daemons (PostgreSQL, Redis, Memcached, ...) in a private "
                        + "directory, runs a command with their variables, then stops them and removes the directory.")
                .footer("", "Examples:",
                        "  pifpaf run postgresql -- psql -c 'select 1'",
                        "  eval \"$(pifpaf run redis --port 0)\"; redis-cli -p \"$PIFPAF_REDIS_PORT\" ping; pifpaf_stop",
                        "  pifpaf list-drivers");
        spec.addOption(Models.option(() -> verbose, value -> verbose = value, "-v", "--verbose").type(boolean.class)
                .description("Also log what pifpaf does (info level).").build());
        spec.addOption(Models.option(() -> quiet, value -> quiet = value, "-q", "--quiet").type(boolean.class)
                .description("Log errors only.").build());
        spec.addOption(Models.option(() -> debug, value -> debug = value, "--debug").type(boolean.class)
                .description("Log everything, daemon output included, with stack traces.").build());
        spec.addOption(Models.option(() -> logFile, value -> logFile = value, "--log-file").type(Path.class)
                .paramLabel("FILE").description("Also write the log to FILE.").build());
        spec.addOption(Models.option(() -> envPrefix, value -> envPrefix = value, "-e", "--env-prefix").type(String.class)
                .paramLabel("PREFIX").description("Prefix of the exported variables; wins over the one given to run.").build());
        spec.addOption(Models.option(() -> globalUrlsVariable, value -> globalUrlsVariable = value,
                        "-g", "--global-urls-variable").type(String.class)
                .paramLabel("NAME").description("Variable the URL is appended to; wins over the one given to run.").build());
        spec.addOption(Models.option(() -> driversDirs, value -> driversDirs = value, "--drivers-dir")
                .type(List.class).auxiliaryTypes(Path.class).paramLabel("DIR")
                .description("Also load the driver jars in DIR (repeatable; see also $PIFPAF_DRIVERS_PATH).").build());
        spec.addOption(Models.option(() -> supervisor, value -> supervisor = value, "--supervisor").type(boolean.class)
                .hidden(true).build());
        Models.addStandardHelpOptions(spec);
        return spec;
    }

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
