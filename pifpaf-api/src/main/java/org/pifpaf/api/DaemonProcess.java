package org.pifpaf.api;

import java.nio.file.Path;

/**
 * A process launched through {@link DriverContext#launch(Command, Ready)}. The runtime stops it
 * when the daemon stops; a driver only needs this handle to stop or restart one process early
 * (e.g. one node of a cluster).
 */
public interface DaemonProcess {

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
}
