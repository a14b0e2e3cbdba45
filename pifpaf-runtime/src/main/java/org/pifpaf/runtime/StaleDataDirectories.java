package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pifpaf.runtime.system.ProcessesInDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pifpaf.runtime.system.FileTrees;

/**
 * Marks each data directory with its owner process, and sweeps away, once per temporary
 * directory and JVM, the data directories whose owner is gone (a machine reboot, a reaper that
 * was killed too). Kept data directories ({@code --keep-data}) carry no mark and are left alone.
 */
final class StaleDataDirectories {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    static final String OWNER_FILE = ".pifpaf-owner";
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private StaleDataDirectories() {
    }

    /** Records this process as the owner of {@code dir}. */
    static void markOwned(Path dir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(dir.resolve(OWNER_FILE), self.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    }

    /** Removes the owner mark, so a kept directory outlives its owner. */
    static void unmark(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(OWNER_FILE));
        } catch (IOException e) {
            LOG.debug("cannot remove the owner mark of {}: {}", dir, e.toString());
        }
    }

    /** Sweeps {@code tmpDir} unless this JVM did already. */
    static void sweepOnce(Path tmpDir) {
        if (!SWEPT.add(tmpDir.toAbsolutePath())) {
            return;
        }
        try (Stream<Path> entries = Files.list(tmpDir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(DataDirectory.NAME_PREFIX))
                    .filter(Files::isDirectory)
                    .forEach(StaleDataDirectories::sweep);
        } catch (IOException | SecurityException e) {
            LOG.debug("cannot sweep {}: {}", tmpDir, e.toString());
        }
    }

    private static void sweep(Path dir) {
        Optional<String> owner = owner(dir);
        if (owner.isEmpty() || ownerAlive(owner.get())) {
            return;
        }
        int killed = ProcessesInDirectory.kill(dir);
        try {
            FileTrees.delete(dir);
            LOG.info("removed {}, left behind by process {} ({} process(es) stopped)", dir,
                    owner.get().split(" ")[0], killed);
        } catch (IOException e) {
            LOG.debug("cannot remove stale {}: {}", dir, e.toString());
        }
    }

    private static Optional<String> owner(Path dir) {
        try {
            return Optional.of(Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.UTF_8).trim());
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // no mark (kept, or being created), or not ours to read
        }
    }

    private static boolean ownerAlive(String owner) {
        try {
            String[] fields = owner.split(" ");
            long pid = Long.parseLong(fields[0]);
            long started = Long.parseLong(fields[1]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(started))
                    // The same pid, started at another time, is another process.
                    .map(actual -> Math.abs(actual - started) < 2_000)
                    .orElse(false);
        } catch (RuntimeException e) {
            return true; // unreadable mark: leave it alone
        }
    }
}
