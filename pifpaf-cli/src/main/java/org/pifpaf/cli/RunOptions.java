package org.pifpaf.cli;

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

    /**
     * Adds these options to {@code command} as a mixin named {@code name}, bound to this object's
     * fields (built in code: see {@link Models}).
     */
    void addTo(CommandSpec command, String name) {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(Models.option(() -> envPrefix, value -> envPrefix = value, "-e", "--env-prefix").type(String.class)
                .paramLabel("PREFIX").description("Prefix of the exported variables (default: PIFPAF).").build());
        mixin.addOption(Models.option(() -> globalUrlsVariable, value -> globalUrlsVariable = value,
                        "-g", "--global-urls-variable").type(String.class)
                .paramLabel("NAME").description("Variable the URL is appended to, ';'-separated (default: PIFPAF_URLS).").build());
        mixin.addOption(Models.option(() -> timeoutSeconds, value -> timeoutSeconds = value, "--timeout").type(Integer.class)
                .paramLabel("SECONDS").description("Give up if the daemon is not ready after this long (default: the driver's).")
                .build());
        mixin.addOption(Models.option(() -> keepData, value -> keepData = value, "--keep-data").type(Boolean.class).arity("0")
                .description("Keep the data directory after the daemon stops.").build());
        mixin.addOption(Models.option(() -> format, value -> format = value, "--format").type(String.class)
                .paramLabel("FORMAT")
                .description("Eval mode output: sh (default), fish, json, dotenv, or github (appends to $GITHUB_ENV).").build());
        mixin.addOption(Models.option(() -> runAs, value -> runAs = value, "--run-as").type(String.class)
                .paramLabel("USER")
                .description("When run as root, run daemons that refuse root as USER (default: $PIFPAF_RUN_AS or nobody).")
                .build());
        mixin.addOption(Models.option(() -> noCache, value -> noCache = value, "--no-cache").type(Boolean.class).arity("0")
                .description("Create templates (e.g. PostgreSQL's initdb cluster) afresh, neither copying nor"
                        + " filling the template cache.").build());
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
        return merged;
    }
}
