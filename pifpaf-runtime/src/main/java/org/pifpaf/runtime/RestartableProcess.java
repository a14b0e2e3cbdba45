package org.pifpaf.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.Ready;
import org.pifpaf.runtime.process.LaunchedProcess;
import org.pifpaf.runtime.ready.Deadline;
import org.pifpaf.runtime.ready.ReadinessWaiter;

/**
 * A daemon process that can be started again after a stop or a kill: each start spawns the same
 * command (its output appended to the same log file) and waits for the same readiness. Spawning
 * and waiting are separate steps, so that the members of a cluster all run before any is waited
 * for.
 */
final class RestartableProcess implements DaemonProcess {

    private final String label;
    private final Path logFile;
    private final Supplier<LaunchedProcess> spawn;
    private final Ready ready;
    private final Duration startupTimeout;
    private final ReadinessWaiter.CommandRunner probes;
    private final StartProgress progress;
    private volatile LaunchedProcess current;

    RestartableProcess(String label, Path logFile, Supplier<LaunchedProcess> spawn, Ready ready,
                       Duration startupTimeout, ReadinessWaiter.CommandRunner probes, StartProgress progress) {
        this.label = label;
        this.logFile = logFile;
        this.spawn = spawn;
        this.ready = ready;
        this.startupTimeout = startupTimeout;
        this.probes = probes;
        this.progress = progress;
    }

    /** Spawns the process, without waiting for it. */
    void spawn() {
        current = spawn.get();
    }

    /**
     * Waits until it is ready. Fails as soon as it, or any of {@code launchedWith} (the processes
     * spawned together with it), exits.
     */
    void awaitReady(Deadline deadline, List<RestartableProcess> launchedWith) throws InterruptedException {
        ReadinessWaiter.await(current, ready, deadline, probes, progress::waiting,
                launchedWith.stream().filter(other -> other != this).map(other -> other.current).toList());
    }

    @Override
    public synchronized void start() {
        if (current.isAlive()) {
            return;
        }
        try {
            spawn();
            awaitReady(Deadline.in(startupTimeout), List.of());
        } catch (InterruptedException e) {
            current.kill();
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while starting " + label + " again", e);
        } catch (DriverException e) {
            current.kill();
            throw e;
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public long pid() {
        return current.pid();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public boolean isAlive() {
        return current.isAlive();
    }

    @Override
    public void stop() {
        current.stop();
    }

    @Override
    public void kill() {
        current.kill();
    }

    @Override
    public String toString() {
        return current == null ? label : current.toString();
    }
}
