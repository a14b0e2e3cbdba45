package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The file that names the process owning a temporary directory of pifpaf's (a data directory, a
 * spare template copy): its pid and start time, so that a later sweep can tell a directory whose
 * owner is gone (a reboot, a reaper killed too) from one in use.
 */
public final class OwnerMark {

    /** The mark's file name, inside the marked directory. */
    public static final String FILE_NAME = ".pifpaf-owner";

    private OwnerMark() {
    }

    /** Marks {@code dir} as owned by this process. */
    public static void write(Path dir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(dir.resolve(FILE_NAME), self.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    }

    /** Removes the mark, so that {@code dir} outlives its owner. */
    public static void remove(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE_NAME));
    }

    /**
     * The owner's pid if {@code dir} is marked and its owner is no longer running; {@code -1} if
     * it is unmarked (kept, or being created), unreadable, or owned by a live process.
     */
    public static long deadOwner(Path dir) {
        String mark;
        try {
            mark = Files.readString(dir.resolve(FILE_NAME), StandardCharsets.UTF_8).trim();
        } catch (IOException | SecurityException e) {
            return -1;
        }
        try {
            String[] fields = mark.split(" ");
            long pid = Long.parseLong(fields[0]);
            long started = Long.parseLong(fields[1]);
            boolean alive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(started))
                    // The same pid, started at another time, is another process.
                    .map(actual -> Math.abs(actual - started) < 2_000)
                    .orElse(false);
            return alive ? -1 : pid;
        } catch (RuntimeException e) {
            return -1; // unreadable mark: leave it alone
        }
    }
}
