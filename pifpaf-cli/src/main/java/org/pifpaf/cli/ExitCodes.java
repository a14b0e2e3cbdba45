package org.pifpaf.cli;

import org.pifpaf.runtime.StartFailedException;

/** The exit statuses pifpaf itself chooses (a command's own status passes through). */
final class ExitCodes {

    /** Everything went well. */
    static final int OK = 0;
    /** The daemon could not be started: it failed (its output is shown), or something else. */
    static final int START_FAILED = 1;
    /** The command line was wrong: unknown driver or option, bad or missing value, bad stack file. */
    static final int USAGE = 2;
    /** A binary the daemon needs is not installed. */
    static final int MISSING_BINARY = 3;
    /** A fixed port asked for is already taken. */
    static final int PORT_IN_USE = 4;
    /** The daemon was not ready within the start-up timeout (it was stopped). */
    static final int TIMEOUT = 5;
    /** The data directory could not be created ($TMPDIR unwritable or full). */
    static final int DATA_DIRECTORY = 6;
    /** The drivers cannot be loaded as they are (two drivers with one name). */
    static final int DRIVER_CONFLICT = 7;
    /** The daemon had to be fetched and could not be (repository unreachable, corrupt artifact). */
    static final int PROVISION_FAILED = 8;
    /**
     * {@code pifpaf server status}: no server runs. 3, as the status of LSB init scripts and
     * {@code systemctl status} says it; that command starts nothing, so it never means a missing binary.
     */
    static final int NOT_RUNNING = 3;
    /** The user's command could not be run (as shells report a command not found). */
    static final int COMMAND_NOT_RUNNABLE = 127;
    /** Added to a signal's number when pifpaf or the command ends because of it. */
    static final int SIGNAL_BASE = 128;

    private ExitCodes() {
    }

    /** The exit status for a failed start. */
    static int of(StartFailedException failure) {
        return switch (failure.reason()) {
            case MISSING_BINARY -> MISSING_BINARY;
            case PORT_IN_USE -> PORT_IN_USE;
            case TIMEOUT -> TIMEOUT;
            case DATA_DIRECTORY -> DATA_DIRECTORY;
            case PROVISION_FAILED -> PROVISION_FAILED;
            case DAEMON_FAILED, INTERRUPTED -> START_FAILED;
        };
    }
}
