package org.pifpaf.cli;

import java.io.PrintStream;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.cli.logging.LogSink;

/**
 * The detached process that holds an eval-mode daemon. It starts the daemon, hands its
 * variables to the foreground pifpaf, lets go of the caller's pipes, and waits for SIGTERM
 * ({@code pifpaf_stop}), SIGINT or SIGHUP to stop it. Daemon output goes to log files, so
 * nothing needs draining while it waits.
 */
final class Supervisor {

    int run(Started.Launch launch, CliVariables.Naming naming, String label, Invocation invocation) {
        SignalTrap trap = SignalTrap.install(Thread.currentThread());
        PrintStream toForeground = invocation.out();
        Started started;
        // No line is drawn here (the foreground draws its own); downloads are logged.
        try (ProgressLine silent = ProgressLine.start(label, false, invocation)) {
            started = launch.start(silent);
        } catch (StartFailedException e) {
            if (!trap.fired()) {
                FailureReport.of(e);
            }
            Handshake.failed(toForeground, trap.fired() ? trap.exitStatus() : ExitCodes.of(e));
            return ExitCodes.of(e);
        } catch (InvalidRequestException e) {
            Handshake.failed(toForeground, Usage.error(e.getMessage()));
            return ExitCodes.USAGE;
        }
        try (started) {
            long pid = ProcessHandle.current().pid();
            record(started, naming, label, pid); // before the handshake: status must see it at once
            Handshake.ready(toForeground, CliVariables.of(started, naming, pid, true, invocation.environment().asMap()),
                    pid);
            if (toForeground.checkError()) {
                return ExitCodes.START_FAILED; // the foreground is gone: nobody will ever stop us
            }
            // Let go of the caller's pipes, or "$(pifpaf run ...)" would never return.
            LogSink.detachConsole();
            System.out.close();
            System.err.close();
            waitForSignal();
            return ExitCodes.OK;
        } finally {
            InstanceRecords.remove(ProcessHandle.current().pid());
        }
    }

    /** Lets {@code pifpaf status} and {@code pifpaf stop} find this instance. */
    private static void record(Started started, CliVariables.Naming naming, String label, long pid) {
        String urls = String.join(";", started.members().stream().map(m -> m.daemon().url()).toList());
        try {
            InstanceRecords.write(new InstanceRecords.Instance(pid, label, naming.prefix(), urls, System.currentTimeMillis()));
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger("pifpaf").warn("cannot record this instance for 'pifpaf status': {}", e.toString());
        }
    }

    private static void waitForSignal() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            // A signal: time to stop the daemon. The interrupt flag stays clear for the clean-up.
        }
    }
}
