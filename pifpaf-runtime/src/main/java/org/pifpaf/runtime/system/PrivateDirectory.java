package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Directories of pifpaf's own that only their user may enter (mode 0700): the cache directory. */
public final class PrivateDirectory {

    private PrivateDirectory() {
    }

    /**
     * Creates {@code dir} with mode 0700 (its missing parents with the usual mode) unless it
     * exists; one that exists is left as it is, for the caller to check if it must.
     *
     * @throws IOException if it cannot be created
     */
    public static void ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // Another process made it meanwhile.
        }
    }
}
