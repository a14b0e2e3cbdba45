package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.DriverException;

/** Looking accounts up: the passwd file first, getent for the rest. */
class UnixUserTest {

    @TempDir
    Path dir;

    private Path passwd(String... lines) throws Exception {
        Path file = dir.resolve("passwd");
        Files.write(file, java.util.List.of(lines));
        return file;
    }

    @Test
    void theEntryOfTheNameIsRead() throws Exception {
        Path file = passwd("root:x:0:0:root:/root:/bin/bash",
                "nobodyelse:x:1001:1002::/home/nobodyelse:/bin/sh",
                "+nobody:::::",
                "nobody:x:65534:65533:Kein Benutzer \u00e9:/nonexistent:/usr/sbin/nologin");
        assertEquals(Optional.of(new UnixUser("nobody", 65534, 65533)), UnixUser.inPasswdFile(file, "nobody"));
        assertEquals(Optional.of(new UnixUser("nobodyelse", 1001, 1002)), UnixUser.inPasswdFile(file, "nobodyelse"));
    }

    @Test
    void missingNamesOddEntriesAndOddNamesAreLeftToGetent() throws Exception {
        Path file = passwd("root:x:0:0:root:/root:/bin/bash", "broken:x:notanumber:0::/:/bin/sh", "short:x");
        assertEquals(Optional.empty(), UnixUser.inPasswdFile(file, "nobody"));
        assertEquals(Optional.empty(), UnixUser.inPasswdFile(file, "broken"));
        assertEquals(Optional.empty(), UnixUser.inPasswdFile(file, "short"));
        assertEquals(Optional.empty(), UnixUser.inPasswdFile(file, "root:x"));
        assertEquals(Optional.empty(), UnixUser.inPasswdFile(dir.resolve("none"), "root"));
    }

    @Test
    void theFileAndGetentAgree() throws Exception {
        Process getent = new ProcessBuilder(SystemTools.GETENT, "passwd", "root").start();
        String[] fields = new String(getent.getInputStream().readAllBytes()).trim().split(":");
        assertEquals(0, getent.waitFor());
        assertEquals(new UnixUser("root", Integer.parseInt(fields[2]), Integer.parseInt(fields[3])),
                UnixUser.byName("root"));
    }

    @Test
    void anUnknownUserIsAnError() {
        DriverException e = assertThrows(DriverException.class, () -> UnixUser.byName("pifpaf-no-such-user"));
        assertEquals("user 'pifpaf-no-such-user' does not exist (choose another with --run-as or PIFPAF_RUN_AS)",
                e.getMessage());
    }
}
