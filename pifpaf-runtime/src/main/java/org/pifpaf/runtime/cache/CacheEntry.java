package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.pifpaf.runtime.system.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One entry of the cache, {@code <driver>-<template>-<key hash>/}: its tree, manifest and key
 * text, and the locks that guard it across threads ({@link ReentrantLock}) and processes (a
 * {@link FileLock} on {@code <entry>.lock}, shared to copy, exclusive to create or remove).
 */
final class CacheEntry {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** In-JVM guards, one per entry: a file lock is held per JVM, not per thread. */
    private static final Map<Path, ReentrantLock> GUARDS = new ConcurrentHashMap<>();

    private final CacheRoot root;
    private final Path path;
    private final Path spareArea;

    /** @param spareArea where its spare is kept, or null when there are none */
    CacheEntry(CacheRoot root, Path path, Path spareArea) {
        this.root = root;
        this.path = path;
        this.spareArea = spareArea;
    }

    Path path() {
        return path;
    }

    /** This JVM's guard of the entry: held while the entry's file lock is. */
    ReentrantLock guard() {
        return GUARDS.computeIfAbsent(path, p -> new ReentrantLock());
    }

    /** The entry's lock file, opened (created if need be) for locking. */
    FileChannel openLockFile() throws IOException {
        return FileChannel.open(path.resolveSibling(path.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Hands out a copy of the tree at {@code target} if the entry holds {@code key}'s tree: its
     * spare when there is one, else a {@code cp} checked against the manifest meanwhile (a copy
     * that fails the check is removed). The caller holds a lock.
     *
     * @return whether {@code target} now holds the tree
     */
    boolean copyIfValid(EntryKey key, Path target) throws IOException {
        if (!Files.isDirectory(path.resolve("tree")) || !key.isIn(path.resolve("key"))) {
            return false;
        }
        if (spareArea != null && SpareCopies.take(spareArea, path, target)) {
            touch();
            return true;
        }
        ManifestCheck check = ManifestCheck.start(path.resolve("tree"), path.resolve("manifest"));
        TreeCopy.copy(path.resolve("tree"), target);
        if (!check.passed()) {
            FileTrees.delete(target);
            return false;
        }
        touch();
        LOG.debug("copied template {} to {}", path, target);
        return true;
    }

    /**
     * Copies the tree at {@code source} into the cache as this entry: into a staging directory,
     * checked against the source's manifest, then renamed into place, so the entry is complete or
     * absent. Failures only warn. The caller holds the exclusive lock.
     */
    void store(Path source, EntryKey key) {
        Path staging = root.transientName("staging-" + path.getFileName());
        try {
            TreeManifest manifest = TreeManifest.of(source);
            if (!manifest.representable()) {
                LOG.warn("template {} not cached: a file name holds a line break", path.getFileName());
                return;
            }
            Files.createDirectory(staging);
            TreeCopy.copy(source, staging.resolve("tree"));
            if (!TreeManifest.of(staging.resolve("tree")).equals(manifest)) {
                throw new IOException("the copy differs from " + source + " (changed while copied?)");
            }
            manifest.writeTo(staging.resolve("manifest"));
            key.writeTo(staging.resolve("key"));
            Files.move(staging, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("template {} not cached: {}", path.getFileName(), e.getMessage());
        } finally {
            CacheRoot.removeQuietly(staging);
        }
    }

    /** Removes a damaged, incomplete or foreign entry, if there is one. The caller holds the exclusive lock. */
    void removeIfPresent() throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            LOG.warn("template cache entry {} is damaged, incomplete or made for another key; creating it again", path);
            discard();
        }
    }

    /**
     * Moves the entry aside first, so that it is never seen half deleted, then removes it, with
     * its spare. The caller holds its exclusive lock; the lock file stays, as others may be
     * waiting on it.
     */
    void discard() throws IOException {
        if (spareArea != null) {
            SpareCopies.discard(spareArea, path);
        }
        Path doomed = root.transientName("removed-" + path.getFileName());
        Files.move(path, doomed, StandardCopyOption.ATOMIC_MOVE);
        CacheRoot.removeQuietly(doomed);
    }

    /** When the entry was last copied (or made); the epoch when that cannot be told. */
    Instant lastUse() {
        try {
            return Files.getLastModifiedTime(path.resolve("manifest")).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Marks the entry used, so that pruning can tell old entries from live ones. */
    private void touch() {
        try {
            Files.setLastModifiedTime(path.resolve("manifest"), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only a hint for pruning.
        }
    }
}
