package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process group still has a running member, read from {@code /proc} (Linux). The
 * runtime kills a daemon's group through {@code kill(1)}, since Java cannot signal a group; an
 * empty group, the usual case at a stop, spares that process.
 */
final class ProcessGroup {

    private static final Path PROC = Path.of("/proc");

    private ProcessGroup() {
    }

    /**
     * Whether group {@code pgid} may have a running member: true when one is found, and when
     * {@code /proc} cannot tell (no such file system, e.g. macOS), so callers signal anyway.
     *
     * <p>"No" is safe to act on: a group only gains members by a fork of one of its members
     * (joining a group needs a member in it too), a member present for the whole scan is seen,
     * and a child forked during the scan gets a higher pid than any existing one (short of the
     * pids wrapping around at that very moment), which the scan, listing {@code /proc} in pid
     * order as it goes, still reaches. Zombies do not count: they cannot fork and a signal does
     * nothing to them. Behind this, the data directory sweep kills whatever still works there.
     */
    static boolean mayHaveRunningMember(long pgid) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isPid(name) && groupOf(entry) == pgid && ProcessStatus.isRunning(Long.parseLong(name))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell
        }
        return false;
    }

    /** Whether a name in {@code /proc} is a process's. */
    static boolean isPid(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** The process group in {@code /proc/<pid>/stat}, or -1 if the process is gone. */
    private static long groupOf(Path proc) {
        String stat;
        try {
            stat = Files.readString(proc.resolve("stat"));
        } catch (IOException e) {
            return -1;
        }
        // After the command name (in parentheses, which may hold anything): state, ppid, pgrp.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
        return Long.parseLong(fields[2]);
    }
}
