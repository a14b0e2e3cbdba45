package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.OwnerMark;
import org.pifpaf.runtime.system.Reaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spare copies of cache entries, made in the background for the next start of the same entry
 * in this JVM (a test class starting one daemon per test): taking one is a {@code rename}, not
 * a {@code cp} of a thousand files.
 *
 * <p>A spare lives in a hidden holder directory ({@code .pifpaf-spare-<entry>-<random>}) beside
 * the data directories, on their file system. It is only made from the second copy of an entry
 * handed out in this JVM, so a one-start process (the command line) never pays for one it would
 * throw away. A start takes a spare only once it is complete and checked against the entry's
 * manifest, never waits for one, and takes it out of this registry first, so no two starts get
 * the same spare. The spare is copied without the entry's lock (holding it would make a start
 * of that entry wait); an entry rebuilt meanwhile leaves a spare that fails the check, and it
 * is thrown away.
 *
 * <p>Holders are recorded with the {@link Reaper} like data directories, so a killed JVM leaves
 * none; at a normal exit a shutdown hook removes them.
 */
final class SpareCopies {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final String HOLDER_PREFIX = ".pifpaf-spare-";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long the shutdown hook lets a spare being copied finish before the reaper takes over. */
    private static final long EXIT_WAIT_MILLIS = 2_000;
    private static final Object LOCK = new Object();
    /** Copies handed out in this JVM, per entry and place. */
    private static final Map<Slot, Integer> HANDED_OUT = new HashMap<>();
    /** At most one spare per entry and place, ready or being made. */
    private static final Map<Slot, Spare> SPARES = new HashMap<>();
    private static boolean hooked;
    private static boolean closed;

    private SpareCopies() {
    }

    /** An entry, identified by its key, whose spares go into directory {@code dir}. */
    private record Slot(Path entry, EntryKey key, Path dir) {
    }

    /** One spare: its holder and the thread making it. */
    private static final class Spare {
        final Path holder;
        Thread maker;
        boolean ready;

        Spare(Path holder) {
            this.holder = holder;
        }
    }

    /**
     * Moves a ready spare copy of {@code entry} from {@code dir} to {@code target}; false when
     * there is none ready (or it cannot be moved), and then nothing changed.
     */
    static boolean take(Path entry, EntryKey key, Path dir, Path target) {
        Spare spare;
        synchronized (LOCK) {
            Slot slot = new Slot(entry, key, dir);
            spare = SPARES.get(slot);
            if (spare == null || !spare.ready) {
                return false;
            }
            SPARES.remove(slot);
        }
        try {
            Files.move(spare.holder.resolve("tree"), target, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("took the spare copy of {} for {}", entry, target);
            return true;
        } catch (IOException e) {
            LOG.debug("cannot take the spare copy of {}: {}", entry, e.toString());
            return false;
        } finally {
            remove(spare.holder);
        }
    }

    /**
     * Records that a copy of {@code entry} was handed out; from the second in this JVM, starts
     * making a spare copy in {@code dir} unless there is one already.
     */
    static void handedOut(Path entry, EntryKey key, Path dir) {
        synchronized (LOCK) {
            Slot slot = new Slot(entry, key, dir);
            if (closed || HANDED_OUT.merge(slot, 1, Integer::sum) < 2 || SPARES.containsKey(slot)) {
                return;
            }
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(SpareCopies::closeAtExit, "pifpaf-spares"));
            }
            Spare spare = new Spare(dir.resolve(HOLDER_PREFIX + entry.getFileName() + "-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36)));
            spare.maker = new Thread(() -> make(slot, spare), "pifpaf-spare");
            spare.maker.setDaemon(true);
            SPARES.put(slot, spare);
            spare.maker.start();
        }
    }

    private static void make(Slot slot, Spare spare) {
        boolean made = false;
        try {
            // Recorded before it exists, as data directories are: a kill at any moment leaves nothing.
            Reaper.watchDirectory(spare.holder);
            Files.createDirectory(spare.holder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Marked like a data directory, so the next start's sweep removes it should this
            // JVM and its reaper both die (a reboot).
            OwnerMark.write(spare.holder);
            if (slot.key().isIn(slot.entry().resolve("key"))) {
                TreeCopy.copy(slot.entry().resolve("tree"), spare.holder.resolve("tree"));
                made = ManifestCheck.matches(spare.holder.resolve("tree"), slot.entry().resolve("manifest"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no spare copy of {}: {}", slot.entry(), e.toString());
        }
        synchronized (LOCK) {
            if (made && !closed && SPARES.get(slot) == spare) {
                spare.ready = true;
                return;
            }
            SPARES.remove(slot, spare);
        }
        remove(spare.holder);
    }

    /** Waits up to {@code waitMillis} for the spares being made; whether none is being made then. */
    static boolean awaitMakers(long waitMillis) throws InterruptedException {
        List<Thread> makers;
        synchronized (LOCK) {
            makers = SPARES.values().stream().map(spare -> spare.maker).toList();
        }
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        for (Thread maker : makers) {
            maker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return makers.stream().noneMatch(Thread::isAlive);
    }

    /**
     * Removes every spare, after waiting up to {@code waitMillis} for those being made. Those
     * still being copied then are removed by their maker when it is done, or by the reaper if the
     * JVM ends first.
     */
    static void removeAll(long waitMillis) throws InterruptedException {
        awaitMakers(waitMillis);
        List<Spare> spares;
        synchronized (LOCK) {
            spares = new ArrayList<>(SPARES.values());
            SPARES.clear(); // a maker that finishes now finds its spare gone and removes it itself
        }
        for (Spare spare : spares) {
            if (!spare.maker.isAlive()) {
                remove(spare.holder);
            }
        }
    }

    private static void closeAtExit() {
        synchronized (LOCK) {
            closed = true;
        }
        try {
            removeAll(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes a holder; it stays recorded with the reaper if it cannot be removed. */
    private static void remove(Path holder) {
        try {
            FileTrees.delete(holder);
            Reaper.releaseDirectory(holder);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", holder, e.toString());
        }
    }
}
