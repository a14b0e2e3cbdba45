package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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
    void aDriverSubDirectoryWithADependencyJarRuns() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path unit = Files.createDirectory(drivers.resolve("echo-with-deps"));
            Files.copy(ECHO_JAR, unit.resolve("echo.jar"));
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Automatic-Module-Name", "org.example.echo.helper");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(unit.resolve("helper.jar")), manifest)) {
                jar.putNextEntry(new JarEntry("helper.txt"));
            }
            for (int run = 0; run < 2; run++) { // the second one through the driver index
                var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", drivers.toString(),
                        "run", "echo", "--message", "from a sub-directory", "--", "sh", "-c", "echo \"$PIFPAF_ECHO_MESSAGE\""),
                        tmp.env());
                assertEquals(0, result.exit(), result.toString());
                assertEquals("from a sub-directory", result.stdout().trim());
                assertEquals("", result.stderr(), result.toString());
            }
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
            for (int run = 0; run < 2; run++) { // the second one through the driver index: still named
                var result = Launcher.run(Identity.CURRENT_USER,
                        List.of("pifpaf", "--drivers-dir", dir.toString(), "run", "echo", "--", "true"), tmp.env());
                assertEquals(0, result.exit(), result.toString());
                assertTrue(result.stderr().contains("broken.jar"), result.stderr());
                assertTrue(result.stderr().contains("no-driver.jar: it holds no pifpaf driver"), result.stderr());
            }
        }
    }

    @Test
    void twoDriversWithOneNameAreAClearError() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path dir = driversDir(tmp, "echo.jar", "echo-copy.jar");
            for (String command : List.of("list-drivers", "run", "run")) { // the last one through the driver index
                List<String> argv = command.equals("run")
                        ? List.of("pifpaf", "--drivers-dir", dir.toString(), "run", "echo", "--", "true")
                        : List.of("pifpaf", "--drivers-dir", dir.toString(), command);
                var result = Launcher.run(Identity.CURRENT_USER, argv, tmp.env());
                assertEquals(7, result.exit(), result.toString());
                assertTrue(result.stderr().contains("'echo'"), result.stderr());
                assertTrue(result.stderr().contains("echo.jar"), result.stderr());
                assertTrue(result.stderr().contains("echo-copy.jar"), result.stderr());
            }
        }
    }
}
