package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Replaces small files that other processes read at any moment (the driver index, the version
 * cache): a reader sees the old content or the new, never half of it.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code lines} to a temporary file beside {@code file}, then renames it over
     * {@code file}. A missing directory is created private ({@link PrivateDirectory}): these
     * files live in the cache directory.
     */
    public static void writeLines(Path file, List<String> lines) throws IOException {
        PrivateDirectory.ensure(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
