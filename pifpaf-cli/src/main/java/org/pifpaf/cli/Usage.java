package org.pifpaf.cli;

import java.io.PrintStream;

/** Reports a usage error: one line on standard error, exit status 2. */
final class Usage {

    private Usage() {
    }

    static int error(String message) {
        return error(System.err, message);
    }

    static int error(PrintStream err, String message) {
        err.println("pifpaf: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
