package org.pifpaf.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.cli.eval.EvalFormat;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DataOnMemory;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.runtime.commandline.UserConfig;
import org.pifpaf.runtime.provision.ProvisionedTrees;

/**
 * Runs {@code pifpaf run <driver> ...}: turns what the command line asks for into a start
 * request and hands it to command mode, eval mode, or (in the detached process) the supervisor.
 */
final class DriverRun {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final DaemonDriver driver;
    /** What the command line named: the driver's name, or {@code driver@version}. */
    private final String daemon;
    private final DaemonStarter starter;
    private final PifpafCommand global;
    private final List<String> rawArgs;
    private final Invocation invocation;

    /**
     * What a command line asks of {@code run <driver>}, read by picocli ({@link DriverCommand})
     * or by {@link PlainRunLine}.
     *
     * @param before        the run options given before the driver name
     * @param after         those given after it
     * @param driverOptions the driver's options given, as text by option name, in the driver's order
     * @param command       the command to run; empty for eval mode
     */
    record Arguments(RunOptions before, RunOptions after, Map<String, String> driverOptions, List<String> command) {
    }

    /**
     * A run made ready: what starts the daemon, how its variables are named, how eval mode would
     * print them, all checked.
     *
     * @param launch starts the daemon, telling a progress line how it goes
     * @param naming the run's own variables' names
     * @param format eval mode's output format
     */
    record Plan(Started.Launch launch, CliVariables.Naming naming, EvalFormat format) {
    }

    /**
     * @param driver  the driver, looked up already: the start takes it as it is
     * @param daemon  how the line named it: its name, or with the daemon version asked for ({@code postgresql@16})
     * @param rawArgs the whole command line, which eval mode hands to its supervisor
     * @param invocation who runs it: its environment is the start's, its streams get the output
     */
    DriverRun(DaemonDriver driver, String daemon, DaemonStarter starter, PifpafCommand global, List<String> rawArgs,
              Invocation invocation) {
        this.driver = driver;
        this.daemon = daemon;
        this.starter = starter;
        this.global = global;
        this.rawArgs = rawArgs;
        this.invocation = invocation;
    }

    /** The driver as the command line named it, with the version if one was asked for. */
    String daemon() {
        return daemon;
    }

    /** Runs the driver as {@code arguments} ask; returns pifpaf's exit status. */
    int run(Arguments arguments) {
        try {
            Plan plan = plan(arguments);
            return RunModes.run(plan.launch(), arguments.command(), plan.naming(), global.supervisor, rawArgs, daemon,
                    plan.format(), invocation);
        } catch (InvalidRequestException e) {
            return Usage.error(invocation.err(), e.getMessage());
        }
    }

    /**
     * Makes the run ready as {@code arguments} ask: the options merged and checked, the
     * configuration read, the start request built.
     *
     * @throws InvalidRequestException for a bad option value or configuration (a usage error)
     */
    Plan plan(Arguments arguments) {
        RunOptions options = global.namingOptions().or(arguments.after()).or(arguments.before());
        CliVariables.Naming naming = naming(options);
        Environment environment = invocation.environment();
        UserConfig config = UserConfig.load(UserConfig.defaultFile(environment), starter.registry(), environment);
        StartRequest.Builder request = settings(StartRequest.builder(daemon), options, global, config)
                .options(config.optionsOf(driver.name())).options(arguments.driverOptions()).prefix(naming.prefix());
        Started.Launch launch = progress -> Started.single(starter.start(driver, request.progress(progress)
                .transferProgress(progress).build()), naming.prefix());
        return new Plan(launch, naming, format(options, environment));
    }

    /** The eval-mode output format, checked ({@code github} needs {@code $GITHUB_ENV} in {@code environment}). */
    static EvalFormat format(RunOptions options, Environment environment) {
        if (options.format == null) {
            return EvalFormat.SH;
        }
        EvalFormat format;
        try {
            format = EvalFormat.parse(options.format);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("--format: '" + options.format
                    + "' is not one of sh, fish, json, dotenv, github");
        }
        if (format == EvalFormat.GITHUB && environment.unset("GITHUB_ENV")) {
            throw new InvalidRequestException("--format github needs $GITHUB_ENV (GitHub Actions sets it)");
        }
        return format;
    }

    /** How the run's own variables are named, checked. */
    static CliVariables.Naming naming(RunOptions options) {
        return new CliVariables.Naming(
                variableName(options.envPrefix, StartRequest.DEFAULT_PREFIX, "--env-prefix"),
                variableName(options.globalUrlsVariable, "PIFPAF_URLS", "--global-urls-variable"));
    }

    /**
     * The run options that apply to every daemon a run starts: the command line's, else the
     * environment's ({@code PIFPAF_RUN_AS}, {@code PIFPAF_CACHE_DIR}, {@code PIFPAF_PROVISION},
     * {@code PIFPAF_PROVISION_DIR}), else the user configuration's. The environment is the one
     * {@code config} was read in, which the start then looks things up in too.
     */
    static StartRequest.Builder settings(StartRequest.Builder builder, RunOptions options, PifpafCommand global,
                                         UserConfig config) {
        Environment environment = config.environment();
        builder.environment(environment);
        builder.keepData(Boolean.TRUE.equals(options.keepData)).echoOutput(global.debug)
                .cache(!Boolean.TRUE.equals(options.noCache)).cacheDir(config.effectiveCacheDir().path())
                .detachBackgroundWork(true); // a run exits once its daemons stop: it must not wait for the cache
        if (options.timeoutSeconds != null) {
            if (options.timeoutSeconds <= 0) {
                throw new InvalidRequestException("--timeout must be a positive number of seconds, not " + options.timeoutSeconds);
            }
            builder.timeout(Duration.ofSeconds(options.timeoutSeconds));
        } else {
            config.timeout().ifPresent(t -> builder.timeout(Duration.ofSeconds(Long.parseLong(t.value()))));
        }
        if (options.dataOnMemory != null) {
            builder.dataOnMemory(options.dataOnMemory);
        } else if (environment.unset(DataOnMemory.VARIABLE)) {
            config.dataOnMemory().ifPresent(setting -> builder.dataOnMemory(DataOnMemory.parse(setting.value())));
        }
        if (options.runAs != null) {
            builder.runAs(options.runAs);
        } else if (environment.unset("PIFPAF_RUN_AS")) {
            config.runAs().ifPresent(user -> builder.runAs(user.value()));
        }
        if (options.provision != null) {
            try {
                builder.provisioning(ProvisionMode.parse(options.provision));
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException("--provision: " + e.getMessage());
            }
        } else if (environment.unset(ProvisionMode.VARIABLE)) {
            config.provision().ifPresent(mode -> builder.provisioning(ProvisionMode.parse(mode.value())));
        }
        return builder.provisionDir(provisionDir(config));
    }

    /** Where provisioned daemons are kept: {@code $PIFPAF_PROVISION_DIR}, else the configuration's, else the default (null). */
    static Path provisionDir(UserConfig config) {
        return config.environment().unset(ProvisionedTrees.DIRECTORY_VARIABLE)
                ? config.provisionDir().map(dir -> Path.of(dir.value())).orElse(null) : null;
    }

    private static String variableName(String given, String fallback, String option) {
        if (given == null) {
            return fallback;
        }
        if (!VARIABLE_NAME.matcher(given).matches()) {
            throw new InvalidRequestException(option + ": '" + given + "' is not a valid variable name");
        }
        return given;
    }
}
