package org.pifpaf.cli;

/** The exit statuses pifpaf itself chooses (a command's own status passes through). */
final class ExitCodes {

    /** Everything went well. */
    static final int OK = 0;
    /** The daemon could not be started (or pifpaf could not set itself up). */
    static final int START_FAILED = 1;
    /** The command line was wrong: unknown driver or option, bad value. */
    static final int USAGE = 2;
    /** The user's command could not be run (as shells report a command not found). */
    static final int COMMAND_NOT_RUNNABLE = 127;
    /** Added to a signal's number when pifpaf or the command ends because of it. */
    static final int SIGNAL_BASE = 128;

    private ExitCodes() {
    }
}
