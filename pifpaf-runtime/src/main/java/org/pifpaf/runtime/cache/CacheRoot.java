package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.PrivateDirectory;
import org.pifpaf.runtime.system.RandomNames;
import org.slf4j.LoggerFactory;

/**
 * The directory that holds the cache's entries: where it is by default, and the check that it is
 * private to this user before anything in it is trusted.
 */
final class CacheRoot {

    private final Path path;
    /** Whether the directory was found private to this user (see {@link #ensurePrivate}). */
    private volatile boolean checked;

    CacheRoot(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /**
     * The default cache directory: {@code $PIFPAF_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pifpaf},
     * else {@code ~/.cache/pifpaf}; when the home directory cannot hold it (system users such as
     * {@code nobody} have none), a private directory in the temporary directory.
     */
    static Path defaultPath(Environment environment) {
        Optional<String> explicit = environment.nonBlank(TemplateCache.DIRECTORY_VARIABLE);
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        Path base = environment.nonBlank("XDG_CACHE_HOME").map(Path::of)
                .orElseGet(() -> environment.home().resolve(".cache"));
        Path existing = base;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isWritable(existing)) {
            return base.resolve("pifpaf");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "pifpaf-cache-" + System.getProperty("user.name"));
    }

    Path path() {
        return path;
    }

    /** Whether {@link #ensurePrivate} has passed. */
    boolean checked() {
        return checked;
    }

    /**
     * Creates the directory private to this user, or checks that an existing one is ours and not
     * writable by others: a planted template would become a daemon's configuration.
     */
    void ensurePrivate() throws IOException {
        PrivateDirectory.ensure(path); // an existing one is checked below
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new AccessDeniedException(path.toString(), null, "owned by " + owner + ", not by this user");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new FileSystemException(path.toString(), null, "writable by other users");
        }
        checked = true;
    }

    /**
     * A fresh name in the directory for something on its way out or in ({@code .removed-...},
     * {@code .staging-...}): names starting with a dot are never entries, and the pruning
     * removes those a killed process left.
     */
    Path transientName(String what) {
        return path.resolve("." + what + "-" + RandomNames.next());
    }

    /** Removes a tree of the cache's own, logging (at debug level) what cannot be. */
    static void removeQuietly(Path tree) {
        try {
            FileTrees.delete(tree);
        } catch (IOException e) {
            LoggerFactory.getLogger("pifpaf").debug("could not remove {}: {}", tree, e.getMessage());
        }
    }
}
