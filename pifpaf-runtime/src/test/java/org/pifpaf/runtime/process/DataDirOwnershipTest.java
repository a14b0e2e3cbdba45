package org.pifpaf.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.DriverException;
import org.pifpaf.runtime.system.UnixUser;

/** Handing a data directory to the unprivileged user: only root may, so these run as root (as CI does). */
class DataDirOwnershipTest {

    @TempDir
    Path tmp;

    @Test
    void everythingEndsUpTheUsersSymbolicLinksThemselvesIncluded() throws Exception {
        assumeTrue(UnixUser.currentIsRoot(), "chown needs root");
        UnixUser nobody = UnixUser.byName("nobody");
        Path dir = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(dir.resolve("written by root.conf"), "x");
        Path cluster = Files.createDirectories(dir.resolve("pgdata/base/1"));
        Files.writeString(cluster.resolve("1259"), "");
        Path outside = Files.writeString(tmp.resolve("outside"), "not to be touched");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        // A tree the user owns already, as one copied from a template is.
        try (Stream<Path> paths = Files.walk(dir.resolve("pgdata"))) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", nobody.uid());
            }
        }

        DataDirOwnership.giveTo(dir, nobody);

        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                assertEquals(List.of(nobody.uid(), nobody.gid()), List.of(
                        Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                        Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)), path.toString());
            }
        }
        assertEquals(0, Files.getAttribute(outside, "unix:uid"), "a symbolic link was followed");
    }

    @Test
    void aFailureNamesTheDirectoryAndTheUser() {
        assumeTrue(UnixUser.currentIsRoot(), "chown needs root");
        DriverException e = assertThrows(DriverException.class,
                () -> DataDirOwnership.giveTo(tmp.resolve("missing"), UnixUser.byName("nobody")));
        assertTrue(e.getMessage().startsWith("cannot give " + tmp.resolve("missing") + " to user 'nobody': "), e.getMessage());
    }
}
