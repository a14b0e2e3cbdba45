package org.pifpaf.runtime.cache;

import org.pifpaf.runtime.Environment;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.pifpaf.api.Command;
import org.pifpaf.api.Template;
import org.pifpaf.runtime.system.FileTrees;
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
    /**
     * The directory of the cache directory that holds provisioned daemons' trees for users other
     * than root (see {@code ProvisionedTrees}); never taken for a template entry.
     */
    public static final String PROVISIONED_DIRECTORY = "provisioned";
    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** Entries not copied for this long are removed when a new entry is made (after an upgrade, say). */
    static final Duration UNUSED_LIFETIME = Duration.ofDays(30);

    private final CacheRoot root;
    private final Path dataParent;
    /** Where spares are kept ({@link #spareArea()}), once looked for. */
    private Path spareArea;
    private boolean spareAreaKnown;
    /** Entries this cache handed out a tree of, whose spares are made by {@link #makeSpares}. */
    private final Set<Path> sparesWanted = new java.util.LinkedHashSet<>();

    /** A cache kept in {@code root}, created (mode 0700) on first use; it keeps no spare copies. */
    public TemplateCache(Path root) {
        this(root, null);
    }

    /**
     * A cache kept in {@code root} for targets in {@code dataParent} (the directory that holds the
     * data directories), keeping spare copies (see {@link SpareCopies}) if both are on one file
     * system. Elsewhere (data on memory, the cache on disk) there are none: a spare kept on
     * memory would hold memory after every daemon has stopped.
     */
    public TemplateCache(Path root, Path dataParent) {
        this.root = new CacheRoot(root);
        this.dataParent = dataParent;
    }

    /**
     * The default cache directory: {@code $PIFPAF_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pifpaf},
     * else {@code ~/.cache/pifpaf}; when the home directory cannot hold it (system users such as
     * {@code nobody} have none), a private directory in the temporary directory.
     */
    public static Path defaultRoot() {
        return defaultRoot(Environment.process());
    }

    /** {@link #defaultRoot()} as {@code environment} says. */
    public static Path defaultRoot(Environment environment) {
        return CacheRoot.defaultPath(environment);
    }

    /** Where the entries are kept. */
    public Path root() {
        return root.path();
    }

    /**
     * {@code command} as it is to be launched: with the class-data archive earlier starts of the
     * same JVM left here, or recording its classes into {@code dataDir} for one (see
     * {@link Command#sharingClassData()}); the archive is made in the background, detached or not
     * as the cache's other work.
     */
    public ClassDataUse classData(Command command, Path dataDir, boolean detached) {
        return new ClassDataArchives(root).prepare(command, dataDir, detached);
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
            root.ensurePrivate();
            key = EntryKey.of(driver, template, creatorUser);
        } catch (IOException e) {
            LOG.warn("template cache {} not used: {}", root.path(), e.getMessage());
            template.creator().create(target);
            return;
        }
        CacheEntry entry = new CacheEntry(root, root.path().resolve(key.entryName()), spareArea());
        ReentrantLock guard = entry.guard();
        guard.lockInterruptibly();
        try (FileChannel channel = cacheIo(entry::openLockFile)) {
            if (copied(entry, key, target, channel, true)) {
                return;
            }
            // Exclusive from here: one process creates, the others wait and then copy.
            try (FileLock exclusive = cacheIo(channel::lock)) {
                if (copied(entry, key, target, channel, false)) {
                    return;
                }
                cacheIo(() -> {
                    entry.removeIfPresent();
                    return null;
                });
                LOG.info("creating the {} template of {} once; later starts with this version and these options"
                        + " copy it from {}", template.name(), driver, root.path());
                template.creator().create(target);
                entry.store(target, key);
                handedOut(entry.path());
                new CachePruner(root, spareArea()).pruneUnusedSince(Instant.now().minus(UNUSED_LIFETIME), entry.path());
            }
        } catch (CacheUnusable e) {
            LOG.warn("template cache {} not used: {}", root.path(), e.getMessage());
            FileTrees.delete(target);
            template.creator().create(target);
        } finally {
            guard.unlock();
        }
    }

    /**
     * Whether {@code target} got the entry's tree, under a shared lock when {@code shared} (else
     * the caller holds the exclusive one).
     */
    private boolean copied(CacheEntry entry, EntryKey key, Path target, FileChannel channel, boolean shared)
            throws CacheUnusable {
        return cacheIo(() -> {
            try (FileLock lock = shared ? channel.lock(0, Long.MAX_VALUE, true) : null) {
                if (entry.copyIfValid(key, target)) {
                    handedOut(entry.path());
                    return true;
                }
                return false;
            }
        });
    }

    /** A step of the cache's own I/O; its failure means the cache is unusable, not that the creator failed. */
    @FunctionalInterface
    private interface CacheStep<T> {
        T run() throws IOException;
    }

    private static <T> T cacheIo(CacheStep<T> step) throws CacheUnusable {
        try {
            return step.run();
        } catch (IOException e) {
            throw new CacheUnusable(e);
        }
    }

    /** The cache failed (I/O), not the creator: the start goes on without it. */
    private static final class CacheUnusable extends Exception {
        private static final long serialVersionUID = 1L;

        CacheUnusable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** After a tree was handed out: a new spare for the next start, see {@link #makeSpares}. */
    private synchronized void handedOut(Path entry) {
        if (spareArea() != null) {
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
            SpareCopies.replenish(spareArea(), entry, detached);
        }
        sparesWanted.clear();
    }

    /**
     * Removes {@code tree}, which this cache handed out and a stopped daemon used. Where spares
     * are kept, the tree is on their area's file system: it is renamed into the area
     * ({@code .removed-tree-<random>}, which the next pruning removes should it be left) and
     * removed by {@code rm -rf} in the background, so that a stop does not wait for a thousand
     * files to be deleted. Elsewhere it is removed at once.
     *
     * @param detached whether the removal is detached from this JVM (see {@link BackgroundWork})
     * @throws IOException if it cannot be removed
     */
    public void dispose(Path tree, boolean detached) throws IOException {
        Path area = root.checked() ? spareArea() : null;
        if (area == null) {
            FileTrees.deleteLarge(tree);
            return;
        }
        Path doomed = area.resolve(".removed-tree-" + org.pifpaf.runtime.system.RandomNames.next());
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

    /** Where spares are kept, or null for none: the cache directory, when it shares the data directories' file system. */
    private synchronized Path spareArea() {
        if (!spareAreaKnown) {
            spareAreaKnown = true;
            if (dataParent != null && SpareCopies.usable(root.path(), dataParent)) {
                spareArea = root.path();
            }
        }
        return spareArea;
    }

    /** Removes a tree of the cache's own, logging (at debug level) what cannot be. */
    static void removeQuietly(Path path) {
        CacheRoot.removeQuietly(path);
    }
}
