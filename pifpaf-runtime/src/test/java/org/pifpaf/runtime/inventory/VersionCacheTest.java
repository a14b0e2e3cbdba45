package org.pifpaf.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Binary;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.runtime.DriverDescriptor;

/** list-drivers asks a binary its version once, until the binary changes. */
class VersionCacheTest {

    @TempDir
    Path dir;

    @Test
    void aSavedVersionHoldsWhileTheFileIsUnchanged() throws Exception {
        Path tool = executable("tool", "echo tool 1.2.3");
        Path file = dir.resolve("cache/pifpaf/versions");
        VersionCache cache = VersionCache.load(file);
        cache.put(tool, List.of("--version"), "1.2.3");
        cache.save();

        VersionCache reread = VersionCache.load(file);
        assertEquals(Optional.of("1.2.3"), reread.get(tool, List.of("--version")));
        assertEquals(Optional.empty(), reread.get(tool, List.of("-V")), "other arguments, other answer");

        Files.setLastModifiedTime(tool, FileTime.fromMillis(Files.getLastModifiedTime(tool).toMillis() - 60_000));
        assertEquals(Optional.empty(), reread.get(tool, List.of("--version")), "a changed binary is asked again");
    }

    @Test
    void damagedLinesAndAnUnwritableDirectoryAreIgnored() throws Exception {
        Path tool = executable("tool", "echo tool 1.2.3");
        Path file = dir.resolve("versions");
        Files.writeString(file, "garbage\nx\ty\t" + tool + "\t--version\t9.9\n", StandardCharsets.UTF_8);
        VersionCache cache = VersionCache.load(file);
        assertEquals(Optional.empty(), cache.get(tool, List.of("--version")));

        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "");
        VersionCache unwritable = VersionCache.load(blocked.resolve("versions"));
        unwritable.put(tool, List.of("--version"), "1.2.3");
        assertDoesNotThrow(unwritable::save);
    }

    @Test
    void theInventoryProbesABinaryOnlyOnce() throws Exception {
        Path calls = dir.resolve("calls");
        executable("probed-tool", "echo called >> '" + calls + "'; echo 'probed-tool version 4.5.6'");
        Binary binary = Binary.named("probed-tool").in(dir.toString()).versionArgs("--version");
        DaemonDriver driver = new DaemonDriver() {
            @Override
            public String name() {
                return "probed";
            }

            @Override
            public List<Binary> binaries() {
                return List.of(binary);
            }

            @Override
            public void start(DriverContext context) {
                throw new UnsupportedOperationException();
            }
        };
        List<DriverDescriptor> drivers = List.of(new DriverDescriptor(driver, DriverDescriptor.BUILT_IN));
        Path file = dir.resolve("versions");
        for (int run = 0; run < 2; run++) {
            VersionCache cache = VersionCache.load(file);
            List<DriverInventory.Entry> entries = DriverInventory.of(drivers, cache);
            cache.save();
            assertEquals("4.5.6", entries.get(0).found().get("probed-tool").version());
            assertTrue(entries.get(0).available());
        }
        assertEquals(1, Files.readAllLines(calls).size(), "the second run used the cache");
    }

    private Path executable(String name, String script) throws Exception {
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + script + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }
}
