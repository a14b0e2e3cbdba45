package org.pifpaf.runtime.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks on the trees' directory before anything in it is run. Whether daemons run from it
 * as another user (as root) is given to {@link StoreRoot}, so that these run as any user; the
 * homes are directories made here, not the machine's {@code /root}.
 */
class StoreRootTest {

    @TempDir
    Path scratch;

    @Test
    void asRootADirectoryUnderAHomeOthersCannotEnterIsRefusedNamingThatHome() throws IOException {
        Path home = Files.createDirectory(ProvisionedTreesTest.open(scratch).resolve("root"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        StoreRoot root = new StoreRoot(home.resolve(".cache/pifpaf/provisioned"), true);
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, root::ensureUsable);
        assertTrue(refused.getMessage().contains(home + " cannot be entered by other users"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PIFPAF_PROVISION_DIR"), refused.getMessage());
    }

    @Test
    void asRootItIsMadeOpenToEveryoneUnderAHomeTheyCanEnter() throws IOException {
        Path home = Files.createDirectory(ProvisionedTreesTest.open(scratch).resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-x--x"));
        Path trees = home.resolve("cache/provisioned");
        new StoreRoot(trees, true).ensureUsable();
        assertEquals("rwxr-xr-x", mode(trees));
        assertEquals("rwxr-xr-x", mode(trees.getParent()));
    }

    @Test
    void asAnotherUserItIsPrivateAndItsHomeNeedNotBeOpen() throws IOException {
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx------"));
        Path trees = scratch.resolve("provisioned");
        new StoreRoot(trees, false).ensureUsable();
        assertEquals("rwx------", mode(trees));
    }

    @Test
    void aDirectoryOthersMayWriteToIsRefused() throws IOException {
        Path trees = Files.createDirectory(scratch.resolve("provisioned"));
        Files.setPosixFilePermissions(trees, PosixFilePermissions.fromString("rwxrwxrwx"));
        FileSystemException refused = assertThrows(FileSystemException.class,
                () -> new StoreRoot(trees, false).ensureUsable());
        assertTrue(refused.getMessage().contains("writable by other users"), refused.getMessage());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
