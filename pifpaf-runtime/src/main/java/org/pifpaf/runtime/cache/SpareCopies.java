package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.RandomNames;
import org.pifpaf.runtime.system.Reaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ready copy of each cache entry, kept next to it ({@code <entry>.spare}), so that a start
 * takes its tree with one {@code rename} instead of a {@code cp} of a thousand files, and a new
 * spare is copied in the background while the daemon is in use (see
 * {@link TemplateCache#makeSpares}).
 *
 * <p>A spare is only useful on the file system of the data directories (a rename cannot cross
 * file systems), so none is made when the cache lies elsewhere: there, usually a tmpfs
 * {@code /tmp}, copying is cheap anyway. A spare is copied into a hidden holder in the cache
 * ({@code .spare-<entry>-<random>/tree}) while the entry is checked against its manifest, then
 * renamed into place; the holder is recorded with the {@link Reaper} first, so a killed JVM leaves
 * neither the holder nor its {@code cp} (the cache's pruning removes one left by a reboot). Two starts never get the same spare: the rename is atomic, one wins. A
 * spare older than {@link #MAX_AGE} is not taken (temporary-file cleaners may have emptied
 * parts of it) but replaced; a damaged entry's spare goes with it ({@link #discard}).
 *
 * <p>At exit the JVM waits for spares still being copied (at most {@link #EXIT_WAIT}); the
 * reaper stops and removes any copy still going after that.
 */
final class SpareCopies {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    static final String HOLDER_PREFIX = ".spare-";
    static final Duration MAX_AGE = Duration.ofDays(1);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);
    private static final Object LOCK = new Object();
    /** The threads copying spares in this JVM, by entry: at most one per entry. */
    private static final Map<Path, Thread> MAKERS = new HashMap<>();
    private static boolean hooked;
    private static boolean closing;
    private static java.util.concurrent.ScheduledExecutorService timer;

    private SpareCopies() {
    }

    /** Where the spare of {@code entry} is kept. */
    static Path spareOf(Path entry) {
        return entry.resolveSibling(entry.getFileName() + ".spare");
    }

    /**
     * Whether spares of entries in {@code cacheRoot} can be moved into {@code dataParent}: both
     * on one file system.
     */
    static boolean usable(Path cacheRoot, Path dataParent) {
        try {
            return Files.getAttribute(cacheRoot, "unix:dev").equals(Files.getAttribute(dataParent, "unix:dev"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Moves the spare of {@code entry} to {@code target} (which must not exist); false, with
     * nothing changed, when there is none to take. The caller holds the entry's lock and has
     * checked its key.
     */
    static boolean take(Path entry, Path target) {
        Path spare = spareOf(entry);
        try {
            FileTime made = Files.getLastModifiedTime(spare, LinkOption.NOFOLLOW_LINKS);
            if (made.toInstant().isBefore(Instant.now().minus(MAX_AGE))) {
                discard(entry);
                return false;
            }
            Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("took the spare copy of {} for {}", entry, target);
            return true;
        } catch (NoSuchFileException e) {
            return false; // none, or another start took it first
        } catch (IOException e) {
            LOG.debug("cannot take the spare copy of {}: {}", entry, e.toString());
            return false;
        }
    }

    /**
     * Starts copying a new spare of {@code entry} in the background, unless there is one or this
     * JVM is copying one already.
     */
    static void replenish(Path entry, EntryKey key) {
        if (Files.exists(spareOf(entry), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        synchronized (LOCK) {
            if (closing || MAKERS.containsKey(entry)) {
                return;
            }
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(SpareCopies::awaitAtExit, "pifpaf-spares"));
            }
            Thread maker = new Thread(() -> make(entry, key), "pifpaf-spare");
            maker.setDaemon(true);
            MAKERS.put(entry, maker);
            maker.start();
        }
    }

    private static void make(Path entry, EntryKey key) {
        Path holder = entry.resolveSibling(HOLDER_PREFIX + entry.getFileName() + "-" + RandomNames.next());
        try {
            // Recorded before it exists, as data directories are: a kill at any moment leaves nothing.
            Reaper.watchDirectory(holder);
            Files.createDirectory(holder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path tree = holder.resolve("tree");
            if (key.isIn(entry.resolve("key"))) {
                // The entry is checked while it is copied: a damaged one makes no spare.
                ManifestCheck check = ManifestCheck.start(entry.resolve("tree"), entry.resolve("manifest"));
                TreeCopy.copy(entry.resolve("tree"), tree); // cp works in the holder: the reaper's sweep finds it
                if (check.passed()) {
                    // Its age is the copy's, not the entry's (cp -a kept the entry's time).
                    Files.setLastModifiedTime(tree, FileTime.from(Instant.now()));
                    Files.move(tree, spareOf(entry), StandardCopyOption.ATOMIC_MOVE);
                    LOG.debug("made a spare copy of {}", entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Most often another process put its spare in place first.
            LOG.debug("no spare copy of {}: {}", entry, e.toString());
        } finally {
            removeHolder(holder);
            synchronized (LOCK) {
                MAKERS.remove(entry);
            }
        }
    }

    /** Runs {@code task} after {@code delay} on a daemon thread (never, if the JVM ends first). */
    static void later(Duration delay, Runnable task) {
        synchronized (LOCK) {
            if (timer == null) {
                timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "pifpaf-spare-timer");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            timer.schedule(task, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Removes the spare of {@code entry}: too old, or the entry is being removed or rebuilt. The
     * caller holds the entry's lock; the spare is moved aside first, so no start takes it half gone.
     */
    static void discard(Path entry) throws IOException {
        Path spare = spareOf(entry);
        if (Files.exists(spare, LinkOption.NOFOLLOW_LINKS)) {
            Path doomed = entry.resolveSibling(".removed-" + spare.getFileName() + "-" + RandomNames.next());
            try {
                Files.move(spare, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return; // taken meanwhile
            }
            FileTrees.delete(doomed);
        }
    }

    /** Waits up to {@code wait} for the spares being copied in this JVM; whether all are done. */
    static boolean awaitMakers(Duration wait) throws InterruptedException {
        List<Thread> makers;
        synchronized (LOCK) {
            makers = new ArrayList<>(MAKERS.values());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread maker : makers) {
            maker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return makers.stream().noneMatch(Thread::isAlive);
    }

    private static void awaitAtExit() {
        synchronized (LOCK) {
            closing = true;
        }
        try {
            awaitMakers(EXIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes a holder; it stays recorded with the reaper if it cannot be removed. */
    private static void removeHolder(Path holder) {
        try {
            FileTrees.delete(holder);
            Reaper.releaseDirectory(holder);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", holder, e.toString());
        }
    }
}
