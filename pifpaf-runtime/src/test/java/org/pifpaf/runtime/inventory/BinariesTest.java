package org.pifpaf.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Binary;
import org.pifpaf.runtime.Environment;

/** Finding binaries: declared directories (with globs, highest version first), then PATH. */
class BinariesTest {

    @TempDir
    Path root;

    private Path executable(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho 'tool version 1.2.3'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aGlobPicksTheHighestVersion() throws Exception {
        executable("pg/9.6/bin/tool");
        Path newest = executable("pg/15/bin/tool");
        executable("pg/10/bin/tool");
        assertEquals(newest, Binaries.find(Binary.named("tool").in(root + "/pg/*/bin")).orElseThrow());
    }

    @Test
    void theBindirCommandComesFirst() throws Exception {
        Path preferred = executable("preferred/tool2");
        executable("other/tool2");
        Path printer = root.resolve("print-dir");
        Files.writeString(printer, "#!/bin/sh\necho " + preferred.getParent() + "\n");
        Files.setPosixFilePermissions(printer, PosixFilePermissions.fromString("rwxr-xr-x"));
        Binary binary = Binary.named("tool2").inDirOf(printer.toString()).in(root + "/other");
        assertEquals(preferred, Binaries.find(binary).orElseThrow());
    }

    @Test
    void pathIsTheFallbackAndAbsenceIsEmpty() {
        assertTrue(Binaries.find(Binary.named("sh")).isPresent());
        assertTrue(Binaries.find(Binary.named("no-such-binary-anywhere")).isEmpty());
    }

    @Test
    void theVersionIsTheFirstLineOfItsAnswer() throws Exception {
        Path tool = executable("v/tool3");
        assertEquals("tool version 1.2.3", Binaries.version(Binary.named("tool3"), tool).orElseThrow());
        assertTrue(Binaries.version(Binary.named("tool3").noVersion(), tool).isEmpty());
    }

    @Test
    void aWarningBeforeTheVersionIsPassedOver() throws Exception {
        Path tool = root.resolve("w/tool4");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, "#!/bin/sh\necho 'Could not load threshold' >&2\necho\necho 15.0.0\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals("15.0.0", Binaries.version(Binary.named("tool4"), tool).orElseThrow());
    }

    @Test
    void theInstallHintNamesThePackages() {
        assertEquals("install it with 'apt-get install redis-server' or 'brew install redis'",
                Binary.named("redis-server").debian("redis-server").brew("redis").installHint());
    }

    @Test
    void otherWaysToInstallFollowThePackagesAsWritten() {
        Binary vault = Binary.named("vault").brew("hashicorp/tap/vault")
                .orInstall("'apt-get install vault' from HashiCorp's apt repository");
        assertEquals("install it with 'brew install hashicorp/tap/vault' or 'apt-get install vault' from HashiCorp's"
                + " apt repository", vault.installHint());
        assertEquals("install it with 'gem install fakes3'", Binary.named("fakes3").orInstall("'gem install fakes3'")
                .installHint());
        // Kept by every other setting, and part of the value.
        assertEquals(List.of("'gem install fakes3'"),
                Binary.named("fakes3").orInstall("'gem install fakes3'").noVersion().in("/opt").otherWays());
        assertNotEquals(Binary.named("fakes3"), Binary.named("fakes3").orInstall("'gem install fakes3'"));
    }

    @Test
    void pathAndSearchDirectoriesComeFromTheEnvironmentGiven() throws Exception {
        Path first = executable("first/bin/tool5");
        Path second = executable("second/bin/tool5");
        Binary onPath = Binary.named("tool5");
        assertEquals(first, Binaries.find(onPath, Environment.of(Map.of("PATH", root + "/first/bin"))).orElseThrow());
        // The cache is per PATH: another PATH is searched again.
        assertEquals(second, Binaries.find(onPath, Environment.of(Map.of("PATH", root + "/second/bin"))).orElseThrow());
        assertTrue(Binaries.find(onPath, Environment.of(Map.of("PATH", "/nonexistent"))).isEmpty());
        Binary inHome = Binary.named("tool5").in("${TOOL_HOME}/bin");
        Environment none = Environment.of(Map.of("PATH", "/nonexistent"));
        assertEquals(first, Binaries.find(inHome, Environment.of(Map.of("PATH", "/nonexistent",
                "TOOL_HOME", root + "/first"))).orElseThrow());
        assertEquals(second, Binaries.find(inHome, Environment.of(Map.of("PATH", "/nonexistent",
                "TOOL_HOME", root + "/second"))).orElseThrow());
        assertTrue(Binaries.find(inHome, none).isEmpty());
    }
}
