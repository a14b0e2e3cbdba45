package org.pifpaf.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.Ready;
import org.pifpaf.runtime.process.LaunchedProcess;
import org.pifpaf.runtime.ready.Deadline;
import org.pifpaf.runtime.ready.ReadinessWaiter;

/**
 * A daemon process that can be started again after a stop or a kill: each start spawns the same
 * command (its output appended to the same log file) and waits for the same readiness.
 */
final class RestartableProcess implements DaemonProcess {

    private final Supplier<LaunchedProcess> spawn;
    private final Ready ready;
    private final Duration startupTimeout;
    private final ReadinessWaiter.CommandRunner probes;
    private final StartProgress progress;
    private volatile LaunchedProcess current;

    RestartableProcess(Supplier<LaunchedProcess> spawn, Ready ready, Duration startupTimeout,
                       ReadinessWaiter.CommandRunner probes, StartProgress progress) {
        this.spawn = spawn;
        this.ready = ready;
        this.startupTimeout = startupTimeout;
        this.probes = probes;
        this.progress = progress;
    }

    /** Spawns the process and waits until it is ready. */
    void launch(Deadline deadline) throws InterruptedException {
        current = spawn.get();
        ReadinessWaiter.await(current, ready, deadline, probes, progress::waiting);
    }

    @Override
    public synchronized void start() {
        if (current.isAlive()) {
            return;
        }
        try {
            launch(Deadline.in(startupTimeout));
        } catch (InterruptedException e) {
            current.kill();
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while starting " + current.label() + " again", e);
        } catch (DriverException e) {
            current.kill();
            throw e;
        }
    }

    @Override
    public String label() {
        return current.label();
    }

    @Override
    public long pid() {
        return current.pid();
    }

    @Override
    public Path logFile() {
        return current.logFile();
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
        return current.toString();
    }
}
