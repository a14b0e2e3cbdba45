package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pifpaf.runtime.system.OwnerMark;
import org.pifpaf.runtime.system.ProcessesInDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pifpaf.runtime.system.FileTrees;

/**
 * Marks each data directory with its owner process ({@link OwnerMark}), and sweeps away, once per
 * temporary directory and JVM, the data directories whose owner is gone (a machine reboot, a
 * reaper that was killed too). Kept data directories ({@code --keep-data}) carry no mark and are
 * left alone.
 */
final class StaleDataDirectories {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private StaleDataDirectories() {
    }

    /** Records this process as the owner of {@code dir}. */
    static void markOwned(Path dir) throws IOException {
        OwnerMark.write(dir);
    }

    /** Removes the owner mark, so a kept directory outlives its owner. */
    static void unmark(Path dir) {
        try {
            OwnerMark.remove(dir);
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
        long owner = OwnerMark.deadOwner(dir);
        if (owner < 0) {
            return;
        }
        int killed = ProcessesInDirectory.kill(dir);
        try {
            FileTrees.delete(dir);
            LOG.info("removed {}, left behind by process {} ({} process(es) stopped)", dir, owner, killed);
        } catch (IOException e) {
            LOG.debug("cannot remove stale {}: {}", dir, e.toString());
        }
    }
}
