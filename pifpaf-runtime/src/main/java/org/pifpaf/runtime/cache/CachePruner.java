package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what the cache no longer needs: entries unused for a while (after an upgrade, the
 * old version's), and what killed processes left (staging, removed and holder directories).
 * Run only when an entry is made: that is when old ones become likely, and it keeps the
 * copying path free of the work.
 */
final class CachePruner {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** A dot directory older than this was left by a killed process. */
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final CacheRoot root;
    private final Path spareArea;

    /** @param spareArea where entries' spares are kept, or null when there are none */
    CachePruner(CacheRoot root, Path spareArea) {
        this.root = root;
        this.spareArea = spareArea;
    }

    /** Removes the entries other than {@code keep} last used before {@code cutoff}, each under its exclusive lock, skipping those in use. */
    void pruneUnusedSince(Instant cutoff, Path keep) {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.path(),
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
            for (Path path : entries) {
                if (path.getFileName().toString().startsWith(".")) {
                    if (Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(abandoned)) {
                        CacheRoot.removeQuietly(path);
                    }
                    continue;
                }
                if (path.getFileName().toString().equals(TemplateCache.PROVISIONED_DIRECTORY)) {
                    continue; // provisioned daemons' trees, when kept here: pruned by their own store
                }
                if (path.getFileName().toString().equals(ClassDataArchives.DIRECTORY)) {
                    new ClassDataArchives(root).pruneUnusedSince(cutoff);
                    continue;
                }
                CacheEntry entry = new CacheEntry(root, path, spareArea);
                if (!path.equals(keep) && !isSpare(path) && entry.lastUse().isBefore(cutoff)) {
                    removeIfIdle(entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not prune {}: {}", root.path(), e.getMessage());
        }
    }

    /** A spare goes with its entry. */
    private static boolean isSpare(Path path) {
        return path.getFileName().toString().endsWith(".spare");
    }

    private static void removeIfIdle(CacheEntry entry) {
        ReentrantLock guard = entry.guard();
        if (!guard.tryLock()) {
            return;
        }
        try (FileChannel channel = entry.openLockFile(); FileLock lock = channel.tryLock()) {
            if (lock != null) {
                entry.discard();
                LOG.debug("removed template cache entry {}, unused for a while", entry.path());
            }
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", entry.path(), e.getMessage());
        } finally {
            guard.unlock();
        }
    }
}
