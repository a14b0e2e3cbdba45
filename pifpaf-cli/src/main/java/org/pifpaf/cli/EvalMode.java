package org.pifpaf.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.pifpaf.api.Signal;
import org.pifpaf.cli.eval.EvalFormat;
import org.pifpaf.runtime.commandline.ProcessControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pifpaf run <driver>} without a command: starts a detached supervisor (pifpaf again,
 * in its own session) that starts and holds the daemon, waits for its handshake, and prints
 * the shell code to eval. Its own standard error shows the supervisor's messages.
 */
final class EvalMode {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    /** @param label what the prompt marker shows: the driver, or the stack file */
    int run(List<String> rawArgs, CliVariables.Naming naming, String label, EvalFormat format, Invocation invocation) {
        SignalTrap trap = SignalTrap.install(Thread.currentThread());
        List<String> argv = new ArrayList<>(SelfLauncher.command());
        argv.add("--supervisor");
        argv.addAll(rawArgs);
        Process supervisor;
        try {
            supervisor = new ProcessBuilder(ProcessControl.inNewSession(argv))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            LOG.error("cannot start the supervisor process: {}", e.getMessage());
            return ExitCodes.START_FAILED;
        }
        Thread stderrCopy = copyInBackground(supervisor.getErrorStream());
        CompletableFuture<Handshake.Outcome> outcome = CompletableFuture.supplyAsync(() -> read(supervisor));
        Handshake.Outcome result;
        try (ProgressLine progress = ProgressLine.start(label, !org.pifpaf.cli.logging.LogSink.showsInfo(), invocation)) {
            result = outcome.get();
        } catch (InterruptedException e) {
            // Ctrl-C while the daemon starts: the supervisor (in its own session) must be told.
            ProcessControl.stopTree(supervisor.toHandle(), Signal.TERM, java.time.Duration.ofSeconds(30));
            return trap.exitStatus();
        } catch (ExecutionException e) {
            result = new Handshake.Outcome(ExitCodes.START_FAILED, Map.of(), -1);
        }
        join(stderrCopy);
        if (result.status() != ExitCodes.OK) {
            waitForExit(supervisor);
            return result.status();
        }
        try {
            System.out.print(format.render(result.variables(), naming.prefix(), label,
                    invocation.environment().asMap()));
        } catch (java.io.IOException e) {
            LOG.error("cannot hand the variables over: {}", e.getMessage());
            // Nobody will know the daemon is there: stop it.
            ProcessControl.signal(result.supervisorPid(), Signal.TERM);
            return ExitCodes.START_FAILED;
        }
        System.out.flush();
        return ExitCodes.OK;
    }

    private static Handshake.Outcome read(Process supervisor) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(supervisor.getInputStream(), StandardCharsets.UTF_8))) {
            return Handshake.read(in);
        } catch (IOException e) {
            return new Handshake.Outcome(ExitCodes.START_FAILED, Map.of(), -1);
        }
    }

    private static Thread copyInBackground(InputStream stderr) {
        Thread thread = new Thread(() -> {
            try (stderr) {
                stderr.transferTo(System.err);
            } catch (IOException e) {
                // The supervisor closed its end.
            }
        }, "pifpaf-supervisor-stderr");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitForExit(Process supervisor) {
        try {
            supervisor.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
