package org.pifpaf.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pifpaf.cli.logging.LogSink;
import org.pifpaf.cli.server.Session;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.commandline.ProcessControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command mode served for a client: {@link CommandMode}'s steps, with the command run by the
 * client itself (so that its terminal, working directory and environment are the user's). The
 * daemon is started as pifpaf's JVM would start it, in the client's environment; the client gets
 * the variables the JVM would give the command, runs it, and says when it ended; the daemon is
 * stopped before the client is told to exit. A signal the client gets stops the start, or gives
 * the command 100 ms to end by itself and then stops it, then the daemon, as in the JVM; a client
 * that dies has its daemon stopped at once.
 */
final class ServedRun {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final Pattern SHELL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** What {@link #runCommand} returns when the client is gone: nobody to answer. */
    private static final int GONE = -1;
    /** What it returns when pifpaf's JVM must do the run, once the daemon is stopped. */
    private static final int TO_THE_JVM = -2;

    private final Session session;
    private final Invocation invocation;

    ServedRun(Session session, Invocation invocation) {
        this.session = session;
        this.invocation = invocation;
    }

    /** Serves {@code line}, whose command the client runs. */
    void serve(PlainRunLine line, DaemonStarter starter) {
        Integer invalid = Main.configureLogging(line.global(), invocation.err());
        if (invalid != null) {
            session.exit(invalid);
            return;
        }
        List<String> args = session.request().args();
        List<String> command = line.arguments().command();
        DriverRun.Plan plan;
        Started started;
        try {
            plan = line.driverRun(starter, args, invocation).plan(line.arguments());
            try (ProgressLine progress = ProgressLine.start(line.daemon(), !LogSink.showsInfo(), invocation)) {
                started = plan.launch().start(progress);
            }
        } catch (InvalidRequestException e) {
            session.exit(Usage.error(invocation.err(), e.getMessage()));
            return;
        } catch (StartFailedException e) {
            if (!session.clientGone()) {
                if (session.signal() == 0) {
                    FailureReport.of(e);
                }
                session.exit(session.signal() != 0 ? ExitCodes.SIGNAL_BASE + session.signal() : ExitCodes.of(e));
            }
            return;
        }
        int status;
        try {
            status = runCommand(started, plan.naming(), command, args.size() - command.size());
        } finally {
            Thread.interrupted(); // a signal's interrupt must not cut the stop short
            started.close();
        }
        if (status >= 0) {
            session.exit(status);
        } else if (status == TO_THE_JVM) {
            session.fallBack("the command is not found as the JVM would find it"); // only now: the JVM may need the daemon's port
        }
    }

    /**
     * Has the client run the command, and waits until it ended; the exit status, {@link #GONE} or
     * {@link #TO_THE_JVM}.
     */
    private int runCommand(Started started, CliVariables.Naming naming, List<String> command, int commandAt) {
        if (session.clientGone()) {
            return GONE;
        }
        if (session.signal() != 0) {
            return ExitCodes.SIGNAL_BASE + session.signal(); // it came as the start ended
        }
        Map<String, String> variables = CliVariables.of(started, naming, session.request().clientPid(), false,
                invocation.environment().asMap());
        if (!variables.keySet().stream().allMatch(name -> SHELL_NAME.matcher(name).matches())) {
            return TO_THE_JVM; // a variable bash cannot export
        }
        if (!CommandLookup.runnable(command.get(0), invocation.environment().get("PATH"),
                session.request().workingDirectory())) {
            return TO_THE_JVM; // how the JVM fails to run it, and says so, is the JVM's to tell
        }
        variables.forEach(session::export);
        session.runCommand(commandAt);
        LOG.info("command `{}` runs in pifpaf's client (pid {})", String.join(" ", command),
                session.request().clientPid());
        Session.Event event = session.next();
        if (event instanceof Session.CommandEnded ended) {
            return ended.status();
        }
        if (event instanceof Session.Signalled signalled) {
            stopCommand(signalled.signal());
            return ExitCodes.SIGNAL_BASE + signalled.signal();
        }
        return GONE;
    }

    /** As {@link CommandMode} does: 100 ms for the command to react to a Ctrl-C it got itself, then the same signal. */
    private void stopCommand(int signalNumber) {
        List<ProcessHandle> commands = session.clientChildren();
        long deadline = System.nanoTime() + CommandMode.OWN_REACTION_MILLIS * 1_000_000;
        while (commands.stream().anyMatch(p -> ProcessControl.isRunning(p.pid())) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ProcessHandle command : commands) {
            if (ProcessControl.isRunning(command.pid())) {
                ProcessControl.stopTree(command, CommandMode.commandSignal(signalNumber),
                        CommandMode.COMMAND_STOP_GRACE);
            }
        }
    }
}
