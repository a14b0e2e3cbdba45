package org.pifpaf.cli.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The running server, as its {@code pid} file names it: its pid and its start time, so that a
 * later process given the same pid is not taken for it (the launcher checks both too).
 *
 * @param pid       the server's pid
 * @param startTime when it started, in clock ticks after boot ({@code /proc/PID/stat})
 */
public record ServerRecord(long pid, long startTime) {

    /** This process. */
    static ServerRecord self() {
        long pid = ProcessHandle.current().pid();
        OptionalLong start = ProcessFacts.startTime(pid);
        return new ServerRecord(pid, start.orElse(0));
    }

    /** The record in {@code file}, if it holds one. */
    static Optional<ServerRecord> read(Path file) {
        try {
            String[] fields = Files.readString(file).trim().split(" ");
            return Optional.of(new ServerRecord(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes it to {@code file} ({@code PID START}), in one step. */
    void write(Path file) throws IOException {
        ServerDirectory.writeAtomically(file, pid + " " + startTime + "\n");
    }

    /** Whether the process it names still runs. */
    public boolean isRunning() {
        return ProcessFacts.isRunning(pid, startTime);
    }
}
