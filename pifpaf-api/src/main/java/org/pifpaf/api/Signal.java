package org.pifpaf.api;

/** The POSIX signals a daemon may want as its stop signal. */
public enum Signal {
    /** Hang-up (1). */
    HUP(1),
    /** Interrupt (2): PostgreSQL's "fast shutdown". */
    INT(2),
    /** Quit (3): PostgreSQL's "immediate shutdown". */
    QUIT(3),
    /** Kill (9): cannot be caught. */
    KILL(9),
    /** Terminate (15): the usual polite stop. */
    TERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** The signal number on Linux (and macOS, for these). */
    public int number() {
        return number;
    }
}
