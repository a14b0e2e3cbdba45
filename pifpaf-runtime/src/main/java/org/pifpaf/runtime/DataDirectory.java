package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.List;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.RandomNames;
import org.pifpaf.runtime.system.Reaper;

/** Creates and removes daemons' private data directories. */
final class DataDirectory {

    /** Every data directory's name starts with this, so stale ones can be recognised. */
    static final String NAME_PREFIX = "pifpaf-";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private DataDirectory() {
    }

    /**
     * A new directory only its owner can enter, e.g. {@code /tmp/pifpaf-redis-123}, marked with
     * its owner process and watched by the reaper. Stale ones in {@code parent} are swept first.
     */
    static Path create(Path parent, String driver) {
        StaleDataDirectories.sweepOnce(parent);
        Path dir = null;
        try {
            dir = createWatched(parent, driver);
            StaleDataDirectories.markOwned(dir); // the first write: fails here if the disk is full
            return dir;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            if (dir != null) {
                removeQuietly(dir);
            }
            throw new StartFailedException("cannot create a data directory in " + parent + ": " + describe(e), List.of(),
                    new CreationFailed(e));
        }
    }

    /**
     * A new directory with a random name, told to the reaper <em>before</em> it exists: if this
     * JVM is killed at any moment afterwards, the reaper removes it (a path that was never made
     * costs it nothing).
     */
    private static Path createWatched(Path parent, String driver) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve(NAME_PREFIX + driver + "-" + Long.toUnsignedString(RandomNames.nextLong()));
            Reaper.watchDirectory(dir);
            try {
                return Files.createDirectory(dir, OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                Reaper.releaseDirectory(dir);
                if (attempt == 100) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                Reaper.releaseDirectory(dir);
                throw e;
            }
        }
    }

    private static void removeQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // Nothing more to do: the sweep or the reaper will try again.
        }
        Reaper.releaseDirectory(dir);
    }

    /** Marks a start that failed for want of a data directory. */
    static final class CreationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CreationFailed(Exception cause) {
            super(cause);
        }
    }

    private static String describe(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        return reason;
    }
}
