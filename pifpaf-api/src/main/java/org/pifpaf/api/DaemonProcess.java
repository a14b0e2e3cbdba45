package org.pifpaf.api;

import java.nio.file.Path;

/**
 * A process launched through {@link DriverContext#launch(Command, Ready)} or
 * {@link DriverContext#launchAll(java.util.List)}. The runtime stops it when the daemon stops;
 * this handle lets a driver or a test stop, kill and start one process early, e.g. to see how a
 * client copes with a cluster node going away.
 */
public interface DaemonProcess {

    /** Its label (see {@link Command#label()}), e.g. {@code redis-sentinel}. */
    String label();

    /** The operating-system process id. */
    long pid();

    /** The file the process's standard output and error go to. */
    Path logFile();

    /** Whether it is still running. */
    boolean isAlive();

    /** Sends its stop signal, waits up to its grace period, then kills its whole process tree. */
    void stop();

    /** Kills its whole process tree at once, as a crash would. */
    void kill();

    /**
     * Starts it again after {@link #stop()} or {@link #kill()}, with the same command, and
     * returns once its readiness condition holds again. Does nothing while it is running.
     *
     * @throws DriverException if it does not become ready within the driver's start-up timeout
     */
    void start();
}
