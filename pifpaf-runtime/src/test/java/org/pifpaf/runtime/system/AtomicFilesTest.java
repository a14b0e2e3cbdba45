package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aFileInAMissingCacheDirectoryMakesItPrivate() throws Exception {
        // The driver index is often the first file of the cache directory, which others must
        // not enter (the template cache keeps its trees there).
        Path file = tmp.resolve("home/.cache/pifpaf/driver-index");
        AtomicFiles.writeLines(file, List.of("one", "two"));
        assertEquals(List.of("one", "two"), Files.readAllLines(file));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        AtomicFiles.writeLines(file, List.of("three"));
        assertEquals(List.of("three"), Files.readAllLines(file));
        try (var entries = Files.list(file.getParent())) {
            assertEquals(List.of(file), entries.toList(), "a temporary file left behind");
        }
    }
}
