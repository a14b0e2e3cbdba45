package org.pifpaf.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pifpaf.api.Signal;
import org.pifpaf.runtime.commandline.ProcessControl;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.cli.logging.LogSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pifpaf run <driver> -- command}: start the daemon, run the command with its variables,
 * stop the daemon, and exit with the command's status. A signal at any moment (during the
 * start too) stops the command, then the daemon, and exits with 128+N.
 */
final class CommandMode {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** How long a command gets to react to a signal it may have received itself (Ctrl-C). */
    static final long OWN_REACTION_MILLIS = 100;
    /** How long a command gets to end after it was sent the signal, before SIGKILL. */
    static final Duration COMMAND_STOP_GRACE = Duration.ofSeconds(5);

    private final Invocation invocation;

    CommandMode(Invocation invocation) {
        this.invocation = invocation;
    }

    /** @param label what is started, for the progress line */
    int run(Started.Launch launch, List<String> command, CliVariables.Naming naming, String label) {
        SignalTrap trap = SignalTrap.install(Thread.currentThread());
        Started started;
        try (ProgressLine progress = ProgressLine.start(label, !LogSink.showsInfo(), invocation)) {
            started = launch.start(progress);
        } catch (StartFailedException e) {
            if (trap.fired()) {
                return trap.exitStatus();
            }
            FailureReport.of(e);
            return ExitCodes.of(e);
        }
        try (started) {
            Map<String, String> variables = CliVariables.of(started, naming, ProcessHandle.current().pid(), false,
                    invocation.environment().asMap());
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
                builder.environment().putAll(variables);
                process = builder.start();
            } catch (IOException e) {
                LOG.error("cannot run `{}`: {}", String.join(" ", command), e.getMessage());
                return ExitCodes.COMMAND_NOT_RUNNABLE;
            }
            LOG.info("command `{}` (pid {}) is running", String.join(" ", command), process.pid());
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                stop(process, trap.signalNumber());
                return trap.exitStatus();
            }
        }
    }

    /** Stops the command first (it uses the daemon), then the daemon goes with try-with-resources. */
    private static void stop(Process process, int signalNumber) {
        try {
            if (process.waitFor(OWN_REACTION_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessControl.stopTree(process.toHandle(), commandSignal(signalNumber), COMMAND_STOP_GRACE);
    }

    /** The signal a command is stopped with after pifpaf got signal {@code number}: the same, or TERM. */
    static Signal commandSignal(int number) {
        return number == Signal.INT.number() ? Signal.INT : number == Signal.HUP.number() ? Signal.HUP : Signal.TERM;
    }
}
