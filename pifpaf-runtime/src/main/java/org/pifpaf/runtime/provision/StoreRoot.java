package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.system.UnixUser;

/**
 * The directory of provisioned trees: where it is by default, and the checks before anything
 * in it is run. It must belong to this user and be writable by no one else (a planted binary
 * would be run). As root, the unprivileged user that runs daemons must be able to reach it:
 * so root's default is {@link ProvisionedTrees#SYSTEM_DIRECTORY} (mode 0755), not
 * {@code /root/.cache} (0700), and a directory below one that others cannot enter is refused.
 */
final class StoreRoot {

    private static final Set<PosixFilePermission> OPEN = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    private final boolean asRoot;
    private volatile boolean checked;

    StoreRoot(Path path) {
        this(path, UnixUser.currentIsRoot());
    }

    /** {@code asRoot}: whether daemons run from it as another, unprivileged, user (a test may say so as any user). */
    StoreRoot(Path path, boolean asRoot) {
        this.path = path.toAbsolutePath().normalize();
        this.asRoot = asRoot;
    }

    /**
     * {@code $PIFPAF_PROVISION_DIR}, else for root {@link ProvisionedTrees#SYSTEM_DIRECTORY}, else
     * {@code provisioned} in the template cache's directory ({@code ~/.cache/pifpaf/provisioned}).
     */
    static Path defaultPath(Environment environment) {
        return environment.nonBlank(ProvisionedTrees.DIRECTORY_VARIABLE).map(Path::of)
                .orElseGet(() -> UnixUser.currentIsRoot() ? ProvisionedTrees.SYSTEM_DIRECTORY
                        : TemplateCache.defaultRoot(environment).resolve(TemplateCache.PROVISIONED_DIRECTORY));
    }

    Path path() {
        return path;
    }

    /**
     * Creates the directory, its missing parents too, or checks an existing one: 0755 as root
     * (for the unprivileged user), else 0700 like the template cache it lies in by default.
     */
    void ensureUsable() throws IOException {
        if (checked) {
            return;
        }
        create(path, asRoot ? OPEN : PRIVATE);
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new AccessDeniedException(path.toString(), null, "owned by " + owner + ", not by this user");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new FileSystemException(path.toString(), null, "writable by other users");
        }
        if (asRoot) {
            for (Path dir = path; dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new AccessDeniedException(path.toString(), null, dir + " cannot be entered by other users,"
                            + " so daemons run as an unprivileged user could not run binaries from it; set "
                            + ProvisionedTrees.DIRECTORY_VARIABLE + " to a directory they can reach (default "
                            + ProvisionedTrees.SYSTEM_DIRECTORY + ")");
                }
            }
        }
        checked = true;
    }

    private static void create(Path dir, Set<PosixFilePermission> mode) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            create(parent, mode);
        }
        try {
            Files.createDirectory(dir);
            // Set rather than passed at creation, where the umask would take bits away.
            Files.setPosixFilePermissions(dir, mode);
        } catch (FileAlreadyExistsException raced) {
            // Another process made it meanwhile.
        }
    }
}
