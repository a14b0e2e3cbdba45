package org.pifpaf.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether the user's command is a program that can be run, found as the JVM finds it: a name
 * with a slash as it is (against the working directory), any other in each {@code PATH}
 * directory. The pifpaf server's client runs the command itself; one that is not found there
 * goes to pifpaf's JVM, whose failure (a message and status 127, or a script without execute
 * permission run by {@code /bin/sh}, as the JVM does) is the JVM's own.
 */
final class CommandLookup {

    private CommandLookup() {
    }

    /** Whether {@code program} is an executable file, looked up in {@code path} (null when unset) from {@code workingDirectory}. */
    static boolean runnable(String program, String path, Path workingDirectory) {
        if (program.isEmpty()) {
            return false;
        }
        if (program.indexOf('/') >= 0) {
            return executable(workingDirectory, program);
        }
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":", -1)) {
            if (executable(workingDirectory, (dir.isEmpty() ? "." : dir) + "/" + program)) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(Path workingDirectory, String file) {
        try {
            Path candidate = workingDirectory.resolve(file);
            return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
