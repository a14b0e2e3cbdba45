package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pifpaf.cli.CliOption.Kind;
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

    /** {@code --drivers-dir}, which {@link CommandLineScan} reads first: the registry needs it before anything else. */
    static final CliOption<PifpafCommand> DRIVERS_DIR = CliOption.<PifpafCommand>of(Kind.PATHS, c -> c.driversDirs,
                    PifpafCommand::setDriversDirs, "--drivers-dir")
            .withLabel("DIR")
            .withDescription("Also load the driver jars in DIR (repeatable; see also $PIFPAF_DRIVERS_PATH).");

    /** The global options, in the order the help lists them. */
    static final List<CliOption<PifpafCommand>> OPTIONS = List.of(
            CliOption.<PifpafCommand>of(Kind.SWITCH, c -> c.verbose, (c, v) -> c.verbose = (Boolean) v, "-v", "--verbose")
                    .withDescription("Also log what pifpaf does (info level)."),
            CliOption.<PifpafCommand>of(Kind.SWITCH, c -> c.quiet, (c, v) -> c.quiet = (Boolean) v, "-q", "--quiet")
                    .withDescription("Log errors only."),
            CliOption.<PifpafCommand>of(Kind.SWITCH, c -> c.debug, (c, v) -> c.debug = (Boolean) v, "--debug")
                    .withDescription("Log everything, daemon output included, with stack traces."),
            CliOption.<PifpafCommand>of(Kind.PATH, c -> c.logFile, (c, v) -> c.logFile = (Path) v, "--log-file")
                    .withLabel("FILE").withDescription("Also write the log to FILE."),
            CliOption.<PifpafCommand>of(Kind.TEXT, c -> c.envPrefix, (c, v) -> c.envPrefix = (String) v, "-e", "--env-prefix")
                    .withLabel("PREFIX").withDescription("Prefix of the exported variables; wins over the one given to run."),
            CliOption.<PifpafCommand>of(Kind.TEXT, c -> c.globalUrlsVariable, (c, v) -> c.globalUrlsVariable = (String) v,
                            "-g", "--global-urls-variable")
                    .withLabel("NAME").withDescription("Variable the URL is appended to; wins over the one given to run."),
            DRIVERS_DIR,
            CliOption.<PifpafCommand>of(Kind.SWITCH, c -> c.supervisor, (c, v) -> c.supervisor = (Boolean) v, "--supervisor")
                    .asHidden());

    private CommandSpec spec;

    /** The command's model, bound to this object's fields (built in code: see {@link Models}). */
    CommandSpec model() {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("pifpaf").versionProvider(new VersionProvider());
        spec.usageMessage().autoWidth(true)
                .description("Starts throw-away daemons (PostgreSQL, Redis, Memcached, ...) in a private "
                        + "directory, runs a command with their variables, then stops them and removes the directory.")
                .footer("", "Examples:",
                        "  pifpaf run postgresql -- psql -c 'select 1'",
                        "  eval \"$(pifpaf run redis --port 0)\"; redis-cli -p \"$PIFPAF_REDIS_PORT\" ping; pifpaf_stop",
                        "  pifpaf list-drivers");
        for (CliOption<PifpafCommand> option : OPTIONS) {
            spec.addOption(option.toSpec(this));
        }
        Models.addStandardHelpOptions(spec);
        return spec;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @SuppressWarnings("unchecked")
    private void setDriversDirs(Object dirs) {
        driversDirs = (List<Path>) dirs;
    }

    /** The variable naming options given here, as run options (they win over run's). */
    RunOptions namingOptions() {
        RunOptions options = new RunOptions();
        options.envPrefix = envPrefix;
        options.globalUrlsVariable = globalUrlsVariable;
        return options;
    }
}
