package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's client runs a command the JVM would find; the JVM is left to fail on the others. */
class CommandLookupTest {

    @TempDir
    Path dir;

    @Test
    void foundOnPathOrByItsPath() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("text"), "not executable");
        assertTrue(CommandLookup.runnable("tool", "/nonexistent:" + bin, dir));
        assertTrue(CommandLookup.runnable("bin/tool", "/nonexistent", dir));
        assertTrue(CommandLookup.runnable(tool.toString(), null, Path.of("/")));
        assertTrue(CommandLookup.runnable("tool", "/nonexistent::", bin), "an empty PATH entry is the working directory");
        assertFalse(CommandLookup.runnable("tool", "/nonexistent", dir));
        assertFalse(CommandLookup.runnable("text", bin.toString(), dir), "not executable: the JVM decides");
        assertFalse(CommandLookup.runnable("bin", dir.toString(), dir), "a directory");
        assertFalse(CommandLookup.runnable("tool", null, dir));
        assertFalse(CommandLookup.runnable("", bin.toString(), dir));
    }
}
