package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and killing the processes that work in a directory, and only those. */
class ProcessesInDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void itKillsWhatWorksInTheDirectoryOrBelowAndNothingElse() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Path below = Files.createDirectories(dir.resolve("sub"));
        Path sibling = Files.createDirectories(tmp.resolve("data2")); // same prefix, another directory
        Process inside = sleepIn(dir);
        Process deeper = sleepIn(below);
        Process outside = sleepIn(sibling);
        try {
            List<Long> found = ProcessesInDirectory.find(dir);
            assertTrue(found.contains(inside.pid()) && found.contains(deeper.pid()), found.toString());
            assertFalse(found.contains(outside.pid()), found.toString());

            assertEquals(2, ProcessesInDirectory.kill(dir));
            assertTrue(inside.waitFor(30, TimeUnit.SECONDS));
            assertTrue(deeper.waitFor(30, TimeUnit.SECONDS));
            assertTrue(outside.isAlive());
            assertEquals(List.of(), ProcessesInDirectory.find(dir));
        } finally {
            outside.destroyForcibly().waitFor();
        }
    }

    private static Process sleepIn(Path dir) throws Exception {
        return new ProcessBuilder("sleep", "100000").directory(dir.toFile()).start();
    }
}
