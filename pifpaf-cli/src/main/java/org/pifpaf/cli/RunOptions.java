package org.pifpaf.cli;

import picocli.CommandLine.Option;

/**
 * The options of {@code run} that are accepted both before and after the driver name
 * ({@code pifpaf run --timeout 5 redis} and {@code pifpaf run redis --timeout 5}).
 */
final class RunOptions {

    @Option(names = {"-e", "--env-prefix"}, paramLabel = "PREFIX",
            description = "Prefix of the exported variables (default: PIFPAF).")
    String envPrefix;

    @Option(names = {"-g", "--global-urls-variable"}, paramLabel = "NAME",
            description = "Variable the URL is appended to, ';'-separated (default: PIFPAF_URLS).")
    String globalUrlsVariable;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up if the daemon is not ready after this long (default: the driver's).")
    Integer timeoutSeconds;

    @Option(names = "--keep-data", description = "Keep the data directory after the daemon stops.")
    Boolean keepData;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Eval mode output: sh (default), fish, json, dotenv, or github (appends to $GITHUB_ENV).")
    String format;

    @Option(names = "--run-as", paramLabel = "USER",
            description = "When run as root, run daemons that refuse root as USER (default: $PIFPAF_RUN_AS or nobody).")
    String runAs;

    @Option(names = "--no-cache",
            description = "Create templates (e.g. PostgreSQL's initdb cluster) afresh, neither copying nor"
                    + " filling the template cache.")
    Boolean noCache;

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
