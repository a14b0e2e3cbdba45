package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.ProcessStatus;
import org.pifpaf.runtime.system.RandomNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ready copy of each cache entry, kept in a spare area ({@code <area>/<entry>.spare}), so
 * that a start takes its tree with one {@code rename} instead of a {@code cp} of a thousand
 * files, and a new spare is copied in the background for the next start (see
 * {@link TemplateCache#makeSpares}).
 *
 * <p>A spare is only useful on the file system of the data directories (a rename cannot cross
 * file systems). The area is the cache directory itself when it lies there; data directories on
 * memory get an area of their own beside them (see {@link TemplateCache}); otherwise there are
 * no spares. Two starts never get the same spare: the rename is
 * atomic, one wins. A spare older than {@link #MAX_AGE} is not taken (temporary-file cleaners
 * may have emptied parts of it) but replaced; a damaged entry's spare goes with it
 * ({@link #discard}).
 *
 * <p>A spare is made by a copier process ({@code spare-copier.sh}, see {@link BackgroundWork}):
 * it copies the entry into a holder ({@code .spare-<entry>}), checks the copy against the
 * entry's manifest and renames it into place. The holder's name admits one copier per entry at
 * a time, across processes; one whose copier is gone (its pid file names no running process, or
 * it is older than {@link #COPY_LIFETIME}) is replaced. The copier needs nothing from the JVM
 * that started it, which may exit before the copy is done.
 */
final class SpareCopies {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    static final String HOLDER_PREFIX = ".spare-";
    static final Duration MAX_AGE = Duration.ofDays(1);
    /** No copy takes this long: an older holder was abandoned, whatever its pid file says (pids are reused). */
    static final Duration COPY_LIFETIME = Duration.ofMinutes(10);
    /** How long a holder without a pid file counts as just made, its copier not yet started. */
    private static final Duration PID_GRACE = Duration.ofSeconds(30);

    private SpareCopies() {
    }

    /** Where the spare of {@code entry} is kept when its area is the cache directory. */
    static Path spareOf(Path entry) {
        return spareOf(entry.getParent(), entry);
    }

    /** Where the spare of {@code entry} is kept in {@code area}. */
    static Path spareOf(Path area, Path entry) {
        return area.resolve(entry.getFileName() + ".spare");
    }

    /** Where the spare of {@code entry} is copied to, by one copier at a time, when its area is the cache directory. */
    static Path holderOf(Path entry) {
        return holderOf(entry.getParent(), entry);
    }

    private static Path holderOf(Path area, Path entry) {
        return area.resolve(HOLDER_PREFIX + entry.getFileName());
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
    static boolean take(Path area, Path entry, Path target) {
        Path spare = spareOf(area, entry);
        try {
            FileTime made = Files.getLastModifiedTime(spare, LinkOption.NOFOLLOW_LINKS);
            if (made.toInstant().isBefore(Instant.now().minus(MAX_AGE))) {
                discard(area, entry);
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
     * Starts a copier making a new spare of {@code entry}, unless there is a spare or a copier
     * at work on one.
     *
     * @param detached whether the copier is started outside this JVM's children (see {@link BackgroundWork})
     */
    static void replenish(Path entry, boolean detached) {
        replenish(entry.getParent(), entry, detached);
    }

    /** {@link #replenish(Path, boolean)} with the spare kept in {@code area}. */
    static void replenish(Path area, Path entry, boolean detached) {
        if (Files.exists(spareOf(area, entry), LinkOption.NOFOLLOW_LINKS) || Script.TEXT == null) {
            return;
        }
        Path holder = holderOf(area, entry);
        if (!claim(holder)) {
            return;
        }
        try {
            Process copier = BackgroundWork.start(List.of("/bin/sh", "-c", Script.TEXT, "pifpaf-spare-copier",
                    entry.resolve("tree").toString(), entry.resolve("manifest").toString(), holder.toString(),
                    spareOf(area, entry).toString()), detached);
            LOG.debug("copying a spare of {} ({})", entry, detached ? "detached" : "pid " + copier.pid());
        } catch (IOException e) {
            LOG.debug("cannot start copying a spare of {}: {}", entry, e.toString());
            TemplateCache.removeQuietly(holder);
        }
    }

    /** Makes the holder, which keeps other copiers of its entry away; false when a live copier has it. */
    private static boolean claim(Path holder) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.createDirectory(holder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return true;
            } catch (FileAlreadyExistsException e) {
                if (copierAlive(holder)) {
                    return false;
                }
                TemplateCache.removeQuietly(holder); // its copier was killed
            } catch (IOException e) {
                LOG.debug("cannot make {}: {}", holder, e.toString());
                return false;
            }
        }
        return false;
    }

    /** Whether the copier of {@code holder} still runs (a holder that went meanwhile counts as alive). */
    static boolean copierAlive(Path holder) {
        try {
            Instant made = Files.getLastModifiedTime(holder, LinkOption.NOFOLLOW_LINKS).toInstant();
            if (made.isBefore(Instant.now().minus(COPY_LIFETIME))) {
                return false;
            }
            try {
                return ProcessStatus.isRunning(Long.parseLong(Files.readString(holder.resolve("pid")).trim()));
            } catch (NoSuchFileException | NumberFormatException e) {
                return made.isAfter(Instant.now().minus(PID_GRACE)); // its copier has not written its pid yet
            }
        } catch (IOException e) {
            return true; // most likely gone meanwhile: done, or another copier has just begun
        }
    }

    /**
     * Removes the spare of {@code entry}: too old, or the entry is being removed or rebuilt. The
     * caller holds the entry's lock; the spare is moved aside first, so no start takes it half gone.
     * (A copier still copying the old entry then fails: its source goes before a new entry comes.)
     */
    static void discard(Path area, Path entry) throws IOException {
        Path spare = spareOf(area, entry);
        if (Files.exists(spare, LinkOption.NOFOLLOW_LINKS)) {
            Path doomed = area.resolve(".removed-" + spare.getFileName() + "-" + RandomNames.next());
            try {
                Files.move(spare, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return; // taken meanwhile
            }
            FileTrees.delete(doomed);
        }
    }

    /** The copier script, read when first needed (not on the path of a start that takes a spare). */
    private static final class Script {
        /** Null (no spares) where there is no {@code /bin/sh} to run it. */
        static final String TEXT = read();

        private static String read() {
            if (!Files.isExecutable(Path.of("/bin/sh"))) {
                return null;
            }
            try (InputStream in = SpareCopies.class.getResourceAsStream("spare-copier.sh")) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
