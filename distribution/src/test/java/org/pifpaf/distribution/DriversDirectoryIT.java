package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Driver jars dropped into a drivers directory appear in list-drivers and run. */
class DriversDirectoryIT {

    private static final Path ECHO_JAR = Launcher.TEST_DRIVERS.resolve("echo.jar");

    @TempDir
    Path drivers;

    private Path driversDir(PrivateTmp tmp, String... jarNames) throws Exception {
        Path dir = drivers;
        for (String name : jarNames) {
            Files.copy(ECHO_JAR, dir.resolve(name));
        }
        return dir;
    }

    @Test
    void aDroppedInJarIsListedWithItsOrigin() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path dir = driversDir(tmp, "echo.jar");
            var result = Launcher.run(Identity.CURRENT_USER,
                    List.of("pifpaf", "--drivers-dir", dir.toString(), "list-drivers"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            String echoLine = result.stdout().lines().filter(l -> l.startsWith("echo ")).findFirst().orElseThrow();
            assertTrue(echoLine.contains(dir.resolve("echo.jar").toString()), echoLine);
        }
    }

    @Test
    void aDroppedInJarRunsThroughTheCommandLine() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path dir = driversDir(tmp, "echo.jar");
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "echo", "--message", "hi there",
                    "--", "sh", "-c", "echo \"$PIFPAF_ECHO_MESSAGE|$PIFPAF_URL\""),
                    Map.of("TMPDIR", tmp.path().toString(), "PIFPAF_DRIVERS_PATH", dir.toString()));
            assertEquals(0, result.exit(), result.toString());
            assertEquals("hi there|echo://hi there", result.stdout().trim());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aBrokenJarIsNamedAndTheOthersStillLoad() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path dir = driversDir(tmp, "echo.jar");
            Files.writeString(dir.resolve("broken.jar"), "not a zip file");
            try (var libs = Files.list(Launcher.PIFPAF.getParent().resolve("../lib"))) {
                Path someLibrary = libs.filter(p -> p.getFileName().toString().startsWith("picocli")).findFirst().orElseThrow();
                Files.copy(someLibrary, dir.resolve("no-driver.jar"));
            }
            var result = Launcher.run(Identity.CURRENT_USER,
                    List.of("pifpaf", "--drivers-dir", dir.toString(), "run", "echo", "--", "true"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.stderr().contains("broken.jar"), result.stderr());
            assertTrue(result.stderr().contains("no-driver.jar: it holds no pifpaf driver"), result.stderr());
        }
    }

    @Test
    void twoDriversWithOneNameAreAClearError() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path dir = driversDir(tmp, "echo.jar", "echo-copy.jar");
            var result = Launcher.run(Identity.CURRENT_USER,
                    List.of("pifpaf", "--drivers-dir", dir.toString(), "list-drivers"), tmp.env());
            assertEquals(7, result.exit(), result.toString());
            assertTrue(result.stderr().contains("'echo'"), result.stderr());
            assertTrue(result.stderr().contains("echo.jar"), result.stderr());
            assertTrue(result.stderr().contains("echo-copy.jar"), result.stderr());
        }
    }
}
