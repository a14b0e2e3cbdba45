package org.pifpaf.cli;

import java.util.List;
import org.pifpaf.cli.eval.EvalFormat;

/** Picks the mode of a run: command mode, eval mode, or (in the detached process) supervisor. */
final class RunModes {

    private RunModes() {
    }

    /**
     * @param command    the user's command; empty for eval mode
     * @param supervisor whether this process is the detached supervisor of an eval-mode run
     * @param rawArgs    the command line, handed to the supervisor as is
     * @param label      what the prompt marker shows
     * @param format     how eval mode prints the variables
     * @param invocation who runs it, and where its output goes
     */
    static int run(Started.Launch launch, List<String> command, CliVariables.Naming naming, boolean supervisor,
                   List<String> rawArgs, String label, EvalFormat format, Invocation invocation) {
        if (!command.isEmpty()) {
            return new CommandMode(invocation).run(launch, command, naming, label);
        }
        if (supervisor) {
            return new Supervisor().run(launch, naming, label, invocation);
        }
        return new EvalMode().run(rawArgs, naming, label, format, invocation);
    }
}
