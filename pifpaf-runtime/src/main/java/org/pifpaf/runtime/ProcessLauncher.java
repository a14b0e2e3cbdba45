package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.Launch;
import org.pifpaf.api.Ready;
import org.pifpaf.runtime.cache.ClassDataUse;
import org.pifpaf.runtime.process.LaunchedProcess;
import org.pifpaf.runtime.process.LogFile;
import org.pifpaf.runtime.process.OutputEcho;
import org.pifpaf.runtime.process.ProcessSpawner;
import org.pifpaf.runtime.ready.NotReadyException;
import org.pifpaf.runtime.ready.StartTimeoutException;

/**
 * The processes of one start: one-shot commands run to completion, daemons launched and waited
 * for, each with a log file of its own in the data directory, and each launch's stop pushed on
 * the start's clean-up stack.
 */
final class ProcessLauncher {

    private final Path dataDir;
    private final StartSettings settings;
    private final CleanupStack cleanup;
    private final Supplier<Map<String, String>> environment;
    private final ProcessSpawner spawner;
    private final System.Logger log;
    private final List<DaemonProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> logNames = new HashMap<>();
    private final Map<String, Path> probeLogs = new ConcurrentHashMap<>();
    private volatile Path lastLogFile;

    /**
     * @param environment the variables exported so far, which every process sees (asked at each
     *                    spawn, so later exports reach later processes)
     */
    ProcessLauncher(Path dataDir, StartSettings settings, CleanupStack cleanup, Supplier<Map<String, String>> environment,
                    System.Logger log) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.cleanup = cleanup;
        this.environment = environment;
        this.spawner = new ProcessSpawner(dataDir, settings.unprivilegedUser(), settings.environment());
        this.log = log;
    }

    /** Runs a one-shot command to completion; its output, or a failure naming its status. */
    String run(Command command) {
        StartSettings.checkNotInterrupted();
        settings.progress().waiting(command.label(), "`" + command.label() + "` to finish");
        lastLogFile = nextLogFile(command.label());
        LaunchedProcess process = spawner.spawn(command, environment.get(), lastLogFile);
        try {
            if (!process.waitFor(settings.deadline().remainingMillis())) {
                process.kill();
                throw new StartTimeoutException("`" + command + "` did not finish within "
                        + settings.deadline().timeout().toSeconds() + "s; raise --timeout if it is just slow",
                        command.label(), process.logFile());
            }
        } catch (InterruptedException e) {
            process.kill();
            throw new StartInterruptedException();
        }
        String output = LogFile.readFrom(process.logFile(), process.logOffset());
        if (process.exitStatus() != 0) {
            throw new CommandFailedException("`" + command + "` exited with status " + process.exitStatus(),
                    command.label(), process.logFile());
        }
        return output;
    }

    /**
     * Launches daemon processes together: spawns each, then waits for each one's readiness. Their
     * stop is one clean-up step, pushed first, so that whatever was spawned is stopped.
     */
    List<DaemonProcess> launchAll(List<Launch> launches) {
        StartSettings.checkNotInterrupted();
        List<Launch> prepared = new ArrayList<>();
        for (Launch launch : launches) {
            ClassDataUse use = classData(launch.command());
            if (use.recording()) { // pushed before the stop, so run after it: the class list is complete then
                cleanup.push("archive the classes of " + launch.command().label(), use.afterStopped()::run);
            }
            prepared.add(Launch.of(use.command(), launch.ready()));
        }
        List<RestartableProcess> launched = new CopyOnWriteArrayList<>();
        // Launched together, stopped together: cluster members each take their own time to
        // stop (RabbitMQ about a second), and one after the other that time adds up.
        cleanup.push("stop " + launches.stream().map(l -> l.command().label()).toList(),
                () -> StopTogether.stop(launched));
        for (Launch launch : prepared) {
            RestartableProcess process = restartable(launch.command(), launch.ready());
            lastLogFile = process.logFile();
            process.spawn();
            processes.add(process);
            launched.add(process);
        }
        try {
            for (RestartableProcess process : launched) {
                lastLogFile = process.logFile();
                process.awaitReady(settings.deadline(), launched);
            }
        } catch (NotReadyException e) {
            lastLogFile = e.logFile(); // a member that died while another was waited for
            throw e;
        } catch (InterruptedException e) {
            throw new StartInterruptedException();
        }
        return List.copyOf(launched);
    }

    /** {@code command} with its class-data archive, where the template cache can keep one for it. */
    private ClassDataUse classData(Command command) {
        boolean cacheReadable = !command.unprivileged() || settings.unprivilegedUser() == null;
        if (settings.templates() == null || !command.sharesClassData() || !cacheReadable) {
            return ClassDataUse.unchanged(command);
        }
        return settings.templates().classData(command, dataDir, settings.detachBackgroundWork());
    }

    /** A process spawning {@code command} into a log file of its own, not spawned yet. */
    private RestartableProcess restartable(Command command, Ready ready) {
        Path logFile = nextLogFile(command.label());
        return new RestartableProcess(command.label(), logFile, () -> {
            LaunchedProcess launched = spawner.spawn(command, environment.get(), logFile);
            log.log(System.Logger.Level.DEBUG, "launched " + launched + ": " + command);
            if (settings.echoOutput()) {
                OutputEcho.start(launched);
            }
            return launched;
        }, ready, settings.deadline().timeout(), this::probeSucceeds, settings.progress());
    }

    private boolean probeSucceeds(Command probe) {
        // Every try of a probe appends to one log file, not a new file per try.
        Path logFile = probeLogs.computeIfAbsent(probe.label(), label -> nextLogFile(label + "-probe"));
        LaunchedProcess process = spawner.spawn(probe, environment.get(), logFile);
        try {
            if (!process.waitFor(Math.min(5_000, settings.deadline().remainingMillis()))) {
                process.kill();
                return false;
            }
            return process.exitStatus() == 0;
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A log file of its own for the next process labelled {@code label}. */
    private synchronized Path nextLogFile(String label) {
        int count = logNames.merge(label, 1, Integer::sum);
        return dataDir.resolve((count == 1 ? label : label + "-" + count) + ".log");
    }

    /** The daemon processes launched, in order. */
    List<DaemonProcess> processes() {
        return new ArrayList<>(processes);
    }

    /** The log of the process started last: the likeliest place to see why a start failed. */
    Path lastLogFile() {
        return lastLogFile;
    }
}
