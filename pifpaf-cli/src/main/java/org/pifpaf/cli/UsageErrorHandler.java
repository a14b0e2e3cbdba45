package org.pifpaf.cli;

import java.util.List;
import org.pifpaf.runtime.DriverRegistry;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns picocli's parse errors into one line naming the bad word, and exit status 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    private final DriverRegistry registry;

    UsageErrorHandler(DriverRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        String command = line.getCommandSpec().qualifiedName(" ");
        if (e instanceof UnmatchedArgumentException unmatched && line.getCommandSpec().name().equals("run")
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return Usage.error(Usage.unknownDriver(registry, unmatched.getUnmatched().get(0)));
        }
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> words = unmatched.getUnmatched();
            message = (words.size() == 1 ? "unknown option '" : "unknown options '") + String.join("' '", words) + "'";
        }
        return Usage.error(message.replace(System.lineSeparator(), " ") + " (see '" + command + " --help')");
    }
}
