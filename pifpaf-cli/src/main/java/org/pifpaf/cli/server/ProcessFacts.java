package org.pifpaf.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code /proc} tells of a process: when it started (so that a later process given the same
 * pid is not taken for it), its user and its umask.
 */
public final class ProcessFacts {

    private ProcessFacts() {
    }

    /**
     * When {@code pid} started, in clock ticks after boot (field 22 of {@code /proc/PID/stat});
     * empty when there is no such process, or only its zombie.
     */
    static OptionalLong startTime(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        // The command name is in parentheses and may hold spaces: count the fields after it.
        int end = stat.lastIndexOf(')');
        if (end < 0 || end + 2 >= stat.length()) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 2).trim().split(" ");
        if (fields.length < 20 || fields[0].equals("Z")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[19])); // field 3 is fields[0]: 22 is fields[19]
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether {@code pid} is the process that started at {@code startTime} and still runs. */
    static boolean isRunning(long pid, long startTime) {
        OptionalLong now = startTime(pid);
        return now.isPresent() && now.getAsLong() == startTime;
    }

    /** The value of {@code field} ({@code Uid}, {@code Umask}) in {@code /proc/PID/status}, if there is one. */
    public static Optional<String> status(long pid, String field) {
        return status(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    /** The value of {@code field} in this process's {@code /proc/self/status}. */
    static Optional<String> ownStatus(String field) {
        return status(Path.of("/proc/self/status"), field);
    }

    /** This process's real user id ({@code $UID} in bash), or -1 where {@code /proc} does not tell. */
    static long ownUid() {
        return ownStatus("Uid").map(value -> Long.parseLong(value.split("\\s+")[0])).orElse(-1L);
    }

    private static Optional<String> status(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(line.substring(field.length() + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or no /proc.
        }
        return Optional.empty();
    }
}
