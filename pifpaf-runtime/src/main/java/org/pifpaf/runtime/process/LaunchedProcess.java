package org.pifpaf.runtime.process;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.pifpaf.api.Command;
import org.pifpaf.runtime.system.ProcessStatus;

/**
 * A process started by {@link ProcessSpawner}: started once; the runtime's restartable wrapper
 * is what drivers and front ends see.
 */
public final class LaunchedProcess {

    private final Process process;
    private final Command command;
    private final Path logFile;
    private final long logOffset;
    private final boolean ownGroup;
    private volatile Runnable afterStop = () -> { };

    LaunchedProcess(Process process, Command command, Path logFile, long logOffset, boolean ownGroup) {
        this.process = process;
        this.command = command;
        this.logFile = logFile;
        this.logOffset = logOffset;
        this.ownGroup = ownGroup;
    }

    /** Its command's label. */
    public String label() {
        return command.label();
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** The file its output goes to. */
    public Path logFile() {
        return logFile;
    }

    /** Where this process's output starts in {@link #logFile()}. */
    public long logOffset() {
        return logOffset;
    }

    /** What was run. */
    public Command command() {
        return command;
    }

    /** Whether it still runs (a zombie does not). */
    public boolean isAlive() {
        return process.isAlive() && ProcessStatus.isRunning(process.pid());
    }

    /**
     * The exit status, or -1 while it runs. A process seen gone (a zombie) may not be reaped by
     * the JDK yet: its status is waited for, briefly.
     */
    public int exitStatus() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return process.isAlive() ? -1 : process.exitValue();
        }
    }

    /** Waits up to {@code millis} for the process to exit. @return whether it exited */
    public boolean waitFor(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Stop signal, grace period, then its whole tree and group are killed. */
    public void stop() {
        ProcessTree.stop(process.toHandle(), command.stopSignal(), command.stopGracePeriod(), ownGroup);
        afterStop.run();
    }

    /** Kills its whole tree and group at once. */
    public void kill() {
        ProcessTree.kill(process.toHandle(), ownGroup);
        afterStop.run();
    }

    /** Runs {@code step} each time a stop or kill has ended the process (e.g. a last read of its output). */
    void afterStop(Runnable step) {
        afterStop = step;
    }

    @Override
    public String toString() {
        return command.label() + "[" + pid() + "]";
    }
}
