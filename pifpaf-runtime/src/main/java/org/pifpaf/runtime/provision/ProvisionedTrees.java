package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pifpaf.runtime.cache.TreeManifest;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.RandomNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where provisioned daemons' trees are kept, one entry per artifact and checksum: {@code <name>/}
 * holding {@code tree/} (read-only once unpacked), {@code key} (the artifact, its checksum and
 * the layout, as text) and {@code manifest} (what the tree holds; its time is the entry's last
 * use). As the template cache does, an entry is made under an exclusive lock on
 * {@code <name>.lock} (so concurrent processes make it once), in a staging directory renamed
 * into place (so it is complete or absent), and entries unused for a while are pruned when a
 * new one is made.
 */
public final class ProvisionedTrees {

    /** Names the directory, overriding every other setting. */
    public static final String DIRECTORY_VARIABLE = "PIFPAF_PROVISION_DIR";
    /** root's default: outside {@code /root}, so that {@code nobody} can reach the binaries. */
    public static final Path SYSTEM_DIRECTORY = Path.of("/var/cache/pifpaf/provisioned");
    static final Duration UNUSED_LIFETIME = Duration.ofDays(60);
    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    /** Fills a staging tree: the layout's work. */
    @FunctionalInterface
    interface Filler {
        void fill(Path tree) throws IOException;
    }

    private final StoreRoot root;

    /** The trees kept in {@code root}. */
    public ProvisionedTrees(Path root) {
        this.root = new StoreRoot(root);
    }

    /** Where they are kept. */
    public Path root() {
        return root.path();
    }

    /**
     * The tree of entry {@code name} if its key ends with {@code keyEnd} (the whole key, or the
     * layout it was made with), marked used.
     */
    Optional<Path> find(String name, String keyEnd) {
        Path entry = root.path().resolve(name);
        if (!Files.isDirectory(entry.resolve("tree")) || !holds(entry, keyEnd)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(entry.resolve("manifest"), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Only a hint for pruning.
        }
        return Optional.of(entry.resolve("tree"));
    }

    /**
     * The tree of entry {@code name}, made by {@code filler} unless it is there already: once,
     * whatever the number of processes and threads asking at the same time.
     *
     * @throws IOException when it cannot be made
     */
    Path findOrCreate(String name, String key, Filler filler) throws IOException {
        root.ensureUsable();
        Path entry = root.path().resolve(name);
        try (StoreLock lock = StoreLock.acquire(root.path(), name)) {
            Optional<Path> existing = find(name, key);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                LOG.warn("provisioned tree {} is incomplete or made for another key; unpacking it again", entry);
                remove(entry);
            }
            Path staging = root.path().resolve(".staging-" + name + "-" + RandomNames.next());
            try {
                Files.createDirectories(staging.resolve("tree"));
                filler.fill(staging.resolve("tree"));
                TreeManifest.of(staging.resolve("tree")).writeTo(staging.resolve("manifest"));
                Files.writeString(staging.resolve("key"), key, StandardCharsets.UTF_8);
                TreePermissions.makeReadOnly(staging.resolve("tree"));
                Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                remove(staging);
            }
            prune(entry);
            return entry.resolve("tree");
        }
    }

    /**
     * Holds the lock on {@code name} (an artifact being fetched) until closed: a process that
     * waited for it then finds the tree the holder made, rather than fetching the artifact too.
     */
    StoreLock lock(String name) throws IOException {
        root.ensureUsable();
        return StoreLock.acquire(root.path(), name);
    }

    /** Whether the tree of entry {@code name} still matches its manifest (a check for {@code pifpaf fetch}). */
    boolean intact(String name) {
        Path entry = root.path().resolve(name);
        try {
            return TreeManifest.of(entry.resolve("tree")).equals(TreeManifest.readFrom(entry.resolve("manifest")));
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes entry {@code name} (a damaged one), under its lock. */
    void discard(String name) throws IOException {
        try (StoreLock lock = StoreLock.acquire(root.path(), name)) {
            remove(root.path().resolve(name));
        }
    }

    /** The names of the entries whose name starts with {@code prefix}. */
    public List<String> entries(String prefix) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.path(), prefix + "*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry.resolve("tree"))) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            // None kept yet.
        }
        return names;
    }

    private static boolean holds(Path entry, String keyEnd) {
        try {
            return Files.readString(entry.resolve("key"), StandardCharsets.UTF_8).endsWith(keyEnd);
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes entries other than {@code keep} unused for {@link #UNUSED_LIFETIME}, and staging left by killed processes. */
    private void prune(Path keep) {
        Instant cutoff = Instant.now().minus(UNUSED_LIFETIME);
        Instant abandoned = Instant.now().minus(Duration.ofDays(1));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.path(), Files::isDirectory)) {
            for (Path entry : entries) {
                boolean staging = entry.getFileName().toString().startsWith(".");
                Path stamp = staging ? entry : entry.resolve("manifest");
                Instant used = Files.exists(stamp) ? Files.getLastModifiedTime(stamp).toInstant() : Instant.EPOCH;
                if (!entry.equals(keep) && used.isBefore(staging ? abandoned : cutoff)) {
                    removeIfIdle(entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not prune {}: {}", root.path(), e.getMessage());
        }
    }

    private void removeIfIdle(Path entry) {
        try (FileChannel channel = FileChannel.open(entry.resolveSibling(entry.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock != null) {
                remove(entry);
                LOG.debug("removed provisioned tree {}, unused for a while", entry);
            }
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            LOG.debug("could not remove {}: {}", entry, e.getMessage());
        }
    }

    /** Moves the entry aside (so it is never seen half removed), then removes it. */
    private void remove(Path entry) throws IOException {
        if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path doomed = entry;
        if (!entry.getFileName().toString().startsWith(".")) {
            doomed = root.path().resolve(".removed-" + entry.getFileName() + "-" + RandomNames.next());
            Files.move(entry, doomed, StandardCopyOption.ATOMIC_MOVE);
        }
        TreePermissions.makeRemovable(doomed);
        FileTrees.delete(doomed);
    }
}
