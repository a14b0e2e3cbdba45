package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.pifpaf.api.Template;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.HomeDirectory;
import org.pifpaf.runtime.system.PrivateDirectory;
import org.pifpaf.runtime.system.RandomNames;
import org.pifpaf.runtime.system.SystemTools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trees made once and copied at every start (see {@link Template}), kept in a directory of the
 * user's ({@code $XDG_CACHE_HOME/pifpaf} by default).
 *
 * <p>An entry is {@code <driver>-<template>-<key hash>/} holding {@code tree/}, {@code manifest}
 * and {@code key} (the full text of its {@link EntryKey}). It is built in a staging directory and
 * renamed into place, so it is complete or absent; it is built under an exclusive lock on
 * {@code <entry>.lock}, so concurrent starts, in this JVM or another, create it once and the
 * others wait and copy. Readers copy under a shared lock, and check the tree against its
 * manifest while {@code cp} runs. An entry whose key text differs from the start's (a hash
 * collision, or a foreign directory) or whose tree no longer matches its manifest is removed and
 * built again; a copy made from it is thrown away first.
 *
 * <p>Told where the data directories are, and when that is on the cache's file system, the cache
 * keeps a spare copy next to each entry, which a start takes with a rename while a new one is
 * copied in the background (see {@link SpareCopies}).
 *
 * <p>The cache only ever speeds starts up: when it cannot be used (unwritable, full), the start
 * goes on without it and a warning says why.
 */
public final class TemplateCache {

    /** The environment variable that names the cache directory, overriding every other setting. */
    public static final String DIRECTORY_VARIABLE = "PIFPAF_CACHE_DIR";
    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** Entries not copied for this long are removed when a new entry is made (after an upgrade, say). */
    static final Duration UNUSED_LIFETIME = Duration.ofDays(30);
    /** In-JVM guards, one per entry: a file lock is held per JVM, not per thread. */
    private static final Map<Path, ReentrantLock> ENTRY_GUARDS = new ConcurrentHashMap<>();

    private final Path root;
    private final Path dataParent;
    private Boolean sparesUsable;
    /** Whether the root was found private to this user (see {@link #ensurePrivateRoot}). */
    private volatile boolean rootChecked;
    /** Entries this cache handed out a tree of, whose spares are made by {@link #makeSpares}. */
    private final Set<Path> sparesWanted = new java.util.LinkedHashSet<>();

    /** A cache kept in {@code root}, created (mode 0700) on first use; it keeps no spare copies. */
    public TemplateCache(Path root) {
        this(root, null);
    }

    /**
     * A cache kept in {@code root} for targets in {@code dataParent} (the directory that holds the
     * data directories), keeping spare copies (see {@link SpareCopies}) if both are on one file
     * system.
     */
    public TemplateCache(Path root, Path dataParent) {
        this.root = root.toAbsolutePath().normalize();
        this.dataParent = dataParent;
    }

    /**
     * The default cache directory: {@code $PIFPAF_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pifpaf},
     * else {@code ~/.cache/pifpaf}; when the home directory cannot hold it (system users such as
     * {@code nobody} have none), a private directory in the temporary directory.
     */
    public static Path defaultRoot() {
        String explicit = System.getenv(DIRECTORY_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : HomeDirectory.path().resolve(".cache");
        Path existing = base;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isWritable(existing)) {
            return base.resolve("pifpaf");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "pifpaf-cache-" + System.getProperty("user.name"));
    }

    /** Where the entries are kept. */
    public Path root() {
        return root;
    }

    /**
     * Creates {@code target} from {@code template}: copies the cached tree, or runs the
     * template's creator at {@code target} and caches the result.
     *
     * @param driver      the driver's name, part of the entry's name and key
     * @param creatorUser the user the creator's commands run as, part of the key (file owners)
     * @throws Exception what the creator throws
     */
    public void create(String driver, Template template, String creatorUser, Path target) throws Exception {
        EntryKey key;
        try {
            ensurePrivateRoot();
            key = EntryKey.of(driver, template, creatorUser);
        } catch (IOException e) {
            LOG.warn("template cache {} not used: {}", root, e.getMessage());
            template.creator().create(target);
            return;
        }
        Path entry = root.resolve(key.entryName());
        ReentrantLock guard = ENTRY_GUARDS.computeIfAbsent(entry, path -> new ReentrantLock());
        guard.lockInterruptibly();
        try (FileChannel channel = openLockFile(entry)) {
            if (copyIfValid(channel, entry, key, target, true)) {
                return;
            }
            // Exclusive from here: one process creates, the others wait and then copy.
            try (FileLock exclusive = lockExclusively(channel)) {
                if (copyIfValid(channel, entry, key, target, false)) {
                    return;
                }
                removeDamaged(entry);
                LOG.info("creating the {} template of {} once; later starts with this version and these options"
                        + " copy it from {}", template.name(), driver, root);
                template.creator().create(target);
                store(target, entry, key);
                handedOut(entry);
                pruneUnusedSince(Instant.now().minus(UNUSED_LIFETIME), entry);
            }
        } catch (CacheUnusable e) {
            LOG.warn("template cache {} not used: {}", root, e.getMessage());
            FileTrees.delete(target);
            template.creator().create(target);
        } finally {
            guard.unlock();
        }
    }

    /**
     * Copies the entry's tree to {@code target} if the entry is valid, under a shared lock when
     * {@code shared} (else the caller holds the exclusive one): takes its spare if there is one,
     * else copies it with {@code cp} and checks it against its manifest meanwhile; when the check
     * fails, the copy is removed.
     */
    private boolean copyIfValid(FileChannel channel, Path entry, EntryKey key, Path target, boolean shared)
            throws CacheUnusable {
        try (FileLock lock = shared ? channel.lock(0, Long.MAX_VALUE, true) : null) {
            if (!Files.isDirectory(entry.resolve("tree")) || !key.isIn(entry.resolve("key"))) {
                return false;
            }
            if (sparesUsable() && SpareCopies.take(entry, target)) {
                touch(entry);
                handedOut(entry);
                return true;
            }
            ManifestCheck check = ManifestCheck.start(entry.resolve("tree"), entry.resolve("manifest"));
            TreeCopy.copy(entry.resolve("tree"), target);
            if (!check.passed()) {
                FileTrees.delete(target);
                return false;
            }
            touch(entry);
            handedOut(entry);
            LOG.debug("copied template {} to {}", entry, target);
            return true;
        } catch (IOException e) {
            throw new CacheUnusable(e);
        }
    }

    /** After a tree was handed out: a new spare for the next start, see {@link #makeSpares}. */
    private synchronized void handedOut(Path entry) {
        if (sparesUsable()) {
            sparesWanted.add(entry);
        }
    }

    /**
     * Waits, at most {@code wait}, for the cache's attached background work in this JVM (spare
     * copies, removals of used trees); whether none is left.
     */
    public static boolean awaitBackgroundWork(Duration wait) throws InterruptedException {
        return BackgroundWork.await(wait);
    }

    /**
     * Starts copying, in the background, a new spare of each entry this cache handed out a tree
     * of since the last call. Called once the daemon is ready, so that the copy does not compete
     * with its start.
     *
     * @param detached whether the copies go on in processes this JVM does not wait for (see
     *                 {@link BackgroundWork}): for a process that exits soon after its daemon stops
     */
    public synchronized void makeSpares(boolean detached) {
        for (Path entry : sparesWanted) {
            SpareCopies.replenish(entry, detached);
        }
        sparesWanted.clear();
    }

    /**
     * Removes {@code tree}, which this cache handed out and a stopped daemon used. Where spares
     * are kept, the tree is on the cache's file system: it is renamed into the cache
     * ({@code .removed-tree-<random>}, which the next pruning removes should it be left) and removed by
     * {@code rm -rf} in the background, so that a stop does not wait for a thousand files to
     * be deleted. Elsewhere it is removed at once.
     *
     * @param detached whether the removal is detached from this JVM (see {@link BackgroundWork})
     * @throws IOException if it cannot be removed
     */
    public void dispose(Path tree, boolean detached) throws IOException {
        if (!rootChecked || !sparesUsable()) {
            FileTrees.deleteLarge(tree);
            return;
        }
        Path doomed = root.resolve(".removed-tree-" + RandomNames.next());
        try {
            Files.move(tree, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("cannot move {} into the cache: {}", tree, e.toString());
            FileTrees.deleteLarge(tree);
            return;
        }
        try {
            BackgroundWork.start(List.of(SystemTools.RM, "-rf", "--", doomed.toString()), detached);
        } catch (IOException e) {
            LOG.debug("cannot remove {} in the background: {}", doomed, e.toString());
            FileTrees.deleteLarge(doomed);
        }
    }

    private synchronized boolean sparesUsable() {
        if (sparesUsable == null) {
            sparesUsable = dataParent != null && SpareCopies.usable(root, dataParent);
        }
        return sparesUsable;
    }

    /** Removes a damaged, incomplete or foreign entry, if there is one. */
    private void removeDamaged(Path entry) throws CacheUnusable {
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        LOG.warn("template cache entry {} is damaged, incomplete or made for another key; creating it again", entry);
        try {
            discard(entry);
        } catch (IOException e) {
            throw new CacheUnusable(e);
        }
    }

    /**
     * Moves an entry aside first, so that it is never seen half deleted, then removes it. The
     * caller holds its exclusive lock; the lock file stays, as others may be waiting on it.
     */
    private void discard(Path entry) throws IOException {
        SpareCopies.discard(entry);
        Path doomed = root.resolve(".removed-" + entry.getFileName() + "-" + RandomNames.next());
        Files.move(entry, doomed, StandardCopyOption.ATOMIC_MOVE);
        removeQuietly(doomed);
    }

    /** Copies the tree at {@code source} into the cache as {@code entry}; failures only warn. */
    private void store(Path source, Path entry, EntryKey key) {
        Path staging = root.resolve(".staging-" + entry.getFileName() + "-" + RandomNames.next());
        try {
            TreeManifest manifest = TreeManifest.of(source);
            if (!manifest.representable()) {
                LOG.warn("template {} not cached: a file name holds a line break", entry.getFileName());
                return;
            }
            Files.createDirectory(staging);
            TreeCopy.copy(source, staging.resolve("tree"));
            if (!TreeManifest.of(staging.resolve("tree")).equals(manifest)) {
                throw new IOException("the copy differs from " + source + " (changed while copied?)");
            }
            manifest.writeTo(staging.resolve("manifest"));
            key.writeTo(staging.resolve("key"));
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("template {} not cached: {}", entry.getFileName(), e.getMessage());
        } finally {
            removeQuietly(staging);
        }
    }

    /**
     * Creates the cache directory private to this user, or checks that an existing one is ours
     * and not writable by others: a planted template would become a daemon's configuration.
     */
    private void ensurePrivateRoot() throws IOException {
        PrivateDirectory.ensure(root); // an existing one is checked below
        String owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new AccessDeniedException(root.toString(), null, "owned by " + owner + ", not by this user");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new FileSystemException(root.toString(), null, "writable by other users");
        }
        rootChecked = true;
    }

    private static FileChannel openLockFile(Path entry) throws CacheUnusable {
        try {
            return FileChannel.open(entry.resolveSibling(entry.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CacheUnusable(e);
        }
    }

    private static FileLock lockExclusively(FileChannel channel) throws CacheUnusable {
        try {
            return channel.lock();
        } catch (IOException e) {
            throw new CacheUnusable(e);
        }
    }

    /**
     * Removes the entries other than {@code keep} last used before {@code cutoff}, each under its
     * exclusive lock, skipping those in use. Only done when an entry is created: that is when old
     * ones become likely (a new version), and it keeps the copying path free of the work.
     */
    void pruneUnusedSince(Instant cutoff, Path keep) {
        Instant abandoned = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root,
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(".")) {
                    // A staging or removed directory, or a spare's holder, left by a process killed while it worked.
                    if (Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(abandoned)) {
                        removeQuietly(entry);
                    }
                } else if (!entry.equals(keep) && !isSpare(entry) && lastUse(entry).isBefore(cutoff)) {
                    removeIfIdle(entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not prune {}: {}", root, e.getMessage());
        }
    }

    /** A spare goes with its entry. */
    private static boolean isSpare(Path path) {
        return path.getFileName().toString().endsWith(".spare");
    }

    private void removeIfIdle(Path entry) {
        ReentrantLock guard = ENTRY_GUARDS.computeIfAbsent(entry, path -> new ReentrantLock());
        if (!guard.tryLock()) {
            return;
        }
        try (FileChannel channel = openLockFile(entry); FileLock lock = channel.tryLock()) {
            if (lock != null) {
                discard(entry);
                LOG.debug("removed template cache entry {}, unused since {}", entry, UNUSED_LIFETIME);
            }
        } catch (IOException | CacheUnusable e) {
            LOG.debug("could not remove {}: {}", entry, e.getMessage());
        } finally {
            guard.unlock();
        }
    }

    /** When the entry was last copied (or made); the epoch when that cannot be told. */
    private static Instant lastUse(Path entry) {
        try {
            return Files.getLastModifiedTime(entry.resolve("manifest")).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Marks the entry used, so that pruning can tell old entries from live ones. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry.resolve("manifest"), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only a hint for pruning.
        }
    }

    /** Removes a tree of the cache's own, logging (at debug level) what cannot be. */
    static void removeQuietly(Path path) {
        try {
            FileTrees.delete(path);
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", path, e.getMessage());
        }
    }

    /** The cache failed (I/O), not the creator: the start goes on without it. */
    private static final class CacheUnusable extends Exception {
        private static final long serialVersionUID = 1L;

        CacheUnusable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
