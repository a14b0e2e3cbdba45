package org.pifpaf.cli;

import java.util.List;
import org.pifpaf.cli.CliOption.Kind;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options of {@code run} that are accepted both before and after the driver name
 * ({@code pifpaf run --timeout 5 redis} and {@code pifpaf run redis --timeout 5}).
 */
final class RunOptions {

    String envPrefix;
    String globalUrlsVariable;
    Integer timeoutSeconds;
    Boolean keepData;
    String format;
    String runAs;
    Boolean noCache;
    Boolean dataOnMemory;
    String provision;

    /** The run options, in the order the help lists them. */
    static final List<CliOption<RunOptions>> OPTIONS = List.of(
            CliOption.<RunOptions>of(Kind.TEXT, o -> o.envPrefix, (o, v) -> o.envPrefix = (String) v, "-e", "--env-prefix")
                    .withLabel("PREFIX").withDescription("Prefix of the exported variables (default: PIFPAF)."),
            CliOption.<RunOptions>of(Kind.TEXT, o -> o.globalUrlsVariable, (o, v) -> o.globalUrlsVariable = (String) v,
                            "-g", "--global-urls-variable")
                    .withLabel("NAME").withDescription("Variable the URL is appended to, ';'-separated (default: PIFPAF_URLS)."),
            CliOption.<RunOptions>of(Kind.INTEGER, o -> o.timeoutSeconds, (o, v) -> o.timeoutSeconds = (Integer) v, "--timeout")
                    .withLabel("SECONDS").withDescription("Give up if the daemon is not ready after this long (default: the driver's)."),
            CliOption.<RunOptions>of(Kind.FLAG, o -> o.keepData, (o, v) -> o.keepData = (Boolean) v, "--keep-data")
                    .withDescription("Keep the data directory after the daemon stops."),
            CliOption.<RunOptions>of(Kind.TEXT, o -> o.format, (o, v) -> o.format = (String) v, "--format")
                    .withLabel("FORMAT")
                    .withDescription("Eval mode output: sh (default), fish, json, dotenv, or github (appends to $GITHUB_ENV)."),
            CliOption.<RunOptions>of(Kind.TEXT, o -> o.runAs, (o, v) -> o.runAs = (String) v, "--run-as")
                    .withLabel("USER")
                    .withDescription("When run as root, run daemons that refuse root as USER (default: $PIFPAF_RUN_AS or nobody)."),
            CliOption.<RunOptions>of(Kind.FLAG, o -> o.noCache, (o, v) -> o.noCache = (Boolean) v, "--no-cache")
                    .withDescription("Create templates (e.g. PostgreSQL's initdb cluster) afresh, neither copying nor"
                            + " filling the template cache."),
            CliOption.<RunOptions>of(Kind.FLAG, o -> o.dataOnMemory, (o, v) -> o.dataOnMemory = (Boolean) v,
                            "--data-on-memory")
                    .withDescription("Put the data directory on a memory file system ($XDG_RUNTIME_DIR or /dev/shm,"
                            + " a tmpfs with a GiB free; default: $PIFPAF_DATA_ON_MEMORY, then the configuration file,"
                            + " then false)."),
            CliOption.<RunOptions>of(Kind.TEXT, o -> o.provision, (o, v) -> o.provision = (String) v, "--provision")
                    .withLabel("MODE")
                    .withDescription("installed: daemons installed here only; provisioned: fetched from Maven"
                            + " repositories only; auto: installed ones, else fetched (default: $PIFPAF_PROVISION,"
                            + " the config file's provision, else auto)."));

    /**
     * Adds these options to {@code command} as a mixin named {@code name}, bound to this object's
     * fields (built in code: see {@link Models}).
     */
    void addTo(CommandSpec command, String name) {
        CommandSpec mixin = CommandSpec.create();
        for (CliOption<RunOptions> option : OPTIONS) {
            mixin.addOption(option.toSpec(this));
        }
        command.addMixin(name, mixin);
    }

    /** This value where set, else {@code fallback}'s. */
    RunOptions or(RunOptions fallback) {
        RunOptions merged = new RunOptions();
        merged.envPrefix = envPrefix != null ? envPrefix : fallback.envPrefix;
        merged.globalUrlsVariable = globalUrlsVariable != null ? globalUrlsVariable : fallback.globalUrlsVariable;
        merged.timeoutSeconds = timeoutSeconds != null ? timeoutSeconds : fallback.timeoutSeconds;
        merged.keepData = keepData != null ? keepData : fallback.keepData;
        merged.runAs = runAs != null ? runAs : fallback.runAs;
        merged.format = format != null ? format : fallback.format;
        merged.noCache = noCache != null ? noCache : fallback.noCache;
        merged.dataOnMemory = dataOnMemory != null ? dataOnMemory : fallback.dataOnMemory;
        merged.provision = provision != null ? provision : fallback.provision;
        return merged;
    }
}
