package org.pifpaf.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pifpaf generate-man-page} (hidden): prints pifpaf(1) in roff, made from the command
 * line's own model, so it documents every driver and option there is.
 */
@Command(name = "generate-man-page", hidden = true, description = "Print the pifpaf(1) manual page (roff).")
final class ManPage implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        System.out.print(render(spec.root()));
        return ExitCodes.OK;
    }

    static String render(CommandSpec root) {
        StringBuilder man = new StringBuilder();
        man.append(".TH PIFPAF 1 \"\" \"pifpaf ").append(roff(VersionProvider.version())).append("\" \"User Commands\"\n");
        man.append(".SH NAME\npifpaf \\- throw-away daemons for tests and shells\n");
        man.append(".SH SYNOPSIS\n.B pifpaf\n[\\fIOPTIONS\\fR] \\fBrun\\fR [\\fIRUN OPTIONS\\fR] \\fIDRIVER\\fR ")
                .append("[\\fIDRIVER OPTIONS\\fR] [\\fB\\-\\-\\fR] [\\fICOMMAND\\fR...]\n.br\n")
                .append(".B pifpaf\n[\\fIOPTIONS\\fR] \\fBrun \\-f\\fR \\fIFILE\\fR [\\fB\\-\\-\\fR] [\\fICOMMAND\\fR...]\n.br\n")
                .append(".B pifpaf\n\\fBlist\\-drivers\\fR [\\fB\\-\\-output\\fR \\fItable\\fR|\\fIjson\\fR|\\fIyaml\\fR]\n.br\n")
                .append(".B pifpaf\n\\fBserver\\fR \\fBstart\\fR [\\fB\\-\\-idle\\fR \\fIDURATION\\fR]|\\fBstop\\fR|\\fBstatus\\fR\n");
        man.append(".SH DESCRIPTION\n").append(roff(String.join(" ", root.usageMessage().description()))).append('\n');
        man.append(".PP\nWithout \\fICOMMAND\\fR, pifpaf prints shell code for \\fBeval\\fR and leaves the daemon ")
                .append("running under a detached supervisor; \\fBpifpaf_stop\\fR (or \\fBkill $PIFPAF_PID\\fR) stops it.\n");
        man.append(".SH OPTIONS\n");
        options(man, root);
        CommandSpec run = root.subcommands().get("run").getCommandSpec();
        man.append(".SH RUN OPTIONS\nAccepted before or after the driver name.\n");
        options(man, run);
        man.append(".SH DRIVERS\n");
        for (Map.Entry<String, CommandLine> driver : run.subcommands().entrySet()) {
            CommandSpec spec = driver.getValue().getCommandSpec();
            man.append(".SS ").append(roff(driver.getKey())).append('\n')
                    .append(roff(String.join(" ", spec.usageMessage().description()))).append('\n');
            for (OptionSpec option : spec.options()) {
                if (!option.usageHelp() && !option.versionHelp() && !run.options().stream()
                        .anyMatch(o -> o.longestName().equals(option.longestName()))) {
                    option(man, option);
                }
            }
        }
        server(man, root);
        man.append(".SH ENVIRONMENT\n");
        for (String[] variable : List.of(
                new String[] {"TMPDIR", "where data directories are created"},
                new String[] {"PIFPAF_DRIVERS_PATH", "more drivers directories, separated by colons"},
                new String[] {"PIFPAF_RUN_AS", "as root, the user for daemons that refuse root (default nobody)"},
                new String[] {"PIFPAF_URLS", "the URLs of the daemons started so far, separated by semicolons"},
                new String[] {"PIFPAF_SERVER", "off: never hand a run to the pifpaf server; auto: also start one after"
                        + " a run that found none; otherwise a server that runs is used"},
                new String[] {"JAVA_HOME", "the Java runtime to use"})) {
            man.append(".TP\n.B ").append(variable[0]).append('\n').append(roff(variable[1])).append('\n');
        }
        man.append(".SH EXIT STATUS\n");
        for (String[] status : List.of(
                new String[] {"\\fIN\\fR", "the command's own status (128+N if it died of signal N)"},
                new String[] {"1", "the daemon failed to start (its output's last lines are shown)"},
                new String[] {"2", "usage error"},
                new String[] {"3", "a binary the daemon needs is missing; for pifpaf server status, no server runs"},
                new String[] {"4", "a port asked for is in use"}, new String[] {"5", "start-up timeout"},
                new String[] {"6", "the data directory could not be created"},
                new String[] {"7", "two drivers have the same name"}, new String[] {"127", "the command could not be run"})) {
            man.append(".TP\n.B ").append(status[0]).append('\n').append(roff(status[1])).append('\n');
        }
        man.append(".SH EXAMPLES\n.nf\npifpaf run postgresql \\-\\- psql \\-c 'select 1'\n")
                .append("eval \"$(pifpaf run redis \\-\\-port 0)\"; redis\\-cli \\-p \"$PIFPAF_REDIS_PORT\" ping; pifpaf_stop\n")
                .append("pifpaf run \\-f pifpaf.yaml \\-\\- mvn test\n.fi\n");
        return man.toString();
    }

    /** The SERVER section: {@code pifpaf server} and its sub-commands, from their model. */
    private static void server(StringBuilder man, CommandSpec root) {
        CommandLine server = root.subcommands().get("server");
        if (server == null) {
            return;
        }
        man.append(".SH SERVER\n");
        for (String paragraph : server.getCommandSpec().usageMessage().description()) {
            man.append(".PP\n").append(roff(paragraph)).append('\n');
        }
        for (Map.Entry<String, CommandLine> sub : server.getSubcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            man.append(".TP\n.B pifpaf server ").append(roff(sub.getKey())).append('\n')
                    .append(roff(String.join(" ", spec.usageMessage().description()))).append('\n');
            for (OptionSpec option : spec.options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    man.append(".RS\n");
                    option(man, option);
                    man.append(".RE\n");
                }
            }
        }
    }

    private static void options(StringBuilder man, CommandSpec spec) {
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                option(man, option);
            }
        }
    }

    private static void option(StringBuilder man, OptionSpec option) {
        man.append(".TP\n");
        String names = String.join(", ", List.of(option.names()).stream().map(n -> "\\fB" + roff(n) + "\\fR").toList());
        man.append(names);
        if (option.arity().max() > 0) {
            man.append(" \\fI").append(roff(option.paramLabel().replace("<", "").replace(">", "")
                    .toUpperCase(Locale.ROOT))).append("\\fR");
        }
        man.append('\n').append(roff(String.join(" ", option.description()).replace("${DEFAULT-VALUE}",
                String.valueOf(option.defaultValue())))).append('\n');
    }

    /** Text made safe for roff: backslashes, hyphens, and dots or quotes opening a line. */
    static String roff(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
