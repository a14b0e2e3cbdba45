package org.pifpaf.cli;

import java.io.PrintStream;
import org.pifpaf.runtime.DaemonSpec;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.InvalidRequestException;

/** Reports a usage error: one line on standard error, exit status 2. */
final class Usage {

    private Usage() {
    }

    static int error(String message) {
        return error(System.err, message);
    }

    /**
     * "unknown driver 'x' (did you mean 'y'?)" for a word of {@code run} that names no driver;
     * for {@code driver@version}, the driver part is looked up, and a malformed version is
     * what the message is about.
     */
    static String unknownDriver(DriverRegistry registry, String word) {
        String name;
        try {
            name = DaemonSpec.parse(word).driver();
        } catch (InvalidRequestException e) {
            return e.getMessage();
        }
        if (registry.find(name).isPresent()) {
            return "'" + word + "' cannot be started this way; see 'pifpaf run " + name + " --help'";
        }
        return "unknown driver '" + name + "'"
                + registry.closestName(name).map(n -> " (did you mean '" + n + "'?)").orElse("")
                + "; see 'pifpaf list-drivers'";
    }

    static int error(PrintStream err, String message) {
        err.println("pifpaf: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
