package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.StreamSupport;
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
            String echoLine = listDrivers(dir, tmp).lines().filter(l -> l.startsWith("echo ")).findFirst().orElseThrow();
            assertTrue(echoLine.contains(dir.resolve("echo.jar").toString()), echoLine);
        }
    }

    @Test
    void aPlainJarsDriverVersionIsItsManifestsImplementationVersion() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Path dir = driversDir(tmp, "echo.jar");
            assertEquals(System.getProperty("pifpaf.version"), ListDriversIT.cell(listDrivers(dir, tmp), "echo", "DRIVER"));
            // Another version in the manifest, and one without: what the manifest says, or "-".
            Files.delete(dir.resolve("echo.jar"));
            withImplementationVersion(ECHO_JAR, dir.resolve("echo.jar"), "7.7.7-manifest");
            String json = listDrivers(dir, tmp, "--output", "json");
            JsonNode echo = StreamSupport.stream(new ObjectMapper().readTree(json).spliterator(), false)
                    .filter(driver -> driver.path("name").asText().equals("echo")).findFirst().orElseThrow();
            assertEquals("7.7.7-manifest", echo.path("driverVersion").asText(), echo.toString());
            Files.delete(dir.resolve("echo.jar"));
            withImplementationVersion(ECHO_JAR, dir.resolve("echo.jar"), null);
            String unversioned = listDrivers(dir, tmp);
            assertEquals("-", ListDriversIT.cell(unversioned, "echo", "DRIVER"), unversioned);
        }
    }

    /** What {@code pifpaf --drivers-dir DIR list-drivers ARGS} prints, having succeeded. */
    private static String listDrivers(Path dir, PrivateTmp tmp, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("pifpaf", "--drivers-dir", dir.toString(), "list-drivers"));
        argv.addAll(List.of(args));
        var result = Launcher.run(Identity.CURRENT_USER, argv, tmp.env());
        assertEquals(0, result.exit(), result.toString());
        return result.stdout();
    }

    /** A copy of {@code jar} whose manifest's Implementation-Version is {@code version} (none if null). */
    private static void withImplementationVersion(Path jar, Path copy, String version) throws Exception {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().remove(Attributes.Name.IMPLEMENTATION_VERSION);
            if (version != null) {
                manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                }
            }
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

    /**
     * A driver's layer cannot add JDK modules, so those the runtime image holds for drivers must
     * be in the boot layer: a dropped-in module driver that requires them loads and runs.
     */
    @Test
    void aDriverMayUseTheJdkModulesOfTheRuntime() throws Exception {
        Path sources = Files.createDirectories(drivers.resolve("src/org/example/jdkuser"));
        Files.writeString(drivers.resolve("src/module-info.java"), """
                module org.example.jdkuser {
                    requires org.pifpaf.api;
                    requires java.sql;
                    requires java.xml;
                    requires java.naming;
                    requires java.management;
                    requires jdk.net;
                    provides org.pifpaf.api.DaemonDriver with org.example.jdkuser.JdkUserDriver;
                }
                """);
        Files.writeString(sources.resolve("JdkUserDriver.java"), """
                package org.example.jdkuser;

                public final class JdkUserDriver implements org.pifpaf.api.DaemonDriver {
                    public String name() {
                        return "jdkuser";
                    }

                    public String description() {
                        return "uses " + java.sql.Types.class.getSimpleName() + " "
                                + javax.xml.XMLConstants.XML_NS_PREFIX + " "
                                + javax.naming.Context.class.getSimpleName() + " "
                                + java.lang.management.ManagementFactory.class.getSimpleName() + " "
                                + jdk.net.ExtendedSocketOptions.class.getSimpleName();
                    }

                    public void start(org.pifpaf.api.DriverContext context) {
                        context.url("jdkuser://" + description().replace(' ', '-'));
                    }
                }
                """);
        Path classes = Files.createDirectories(drivers.resolve("classes"));
        Path api;
        try (var libs = Files.list(Launcher.PIFPAF.getParent().resolve("../lib"))) {
            api = libs.filter(p -> p.getFileName().toString().startsWith("pifpaf-api-")).findFirst().orElseThrow();
        }
        int javac = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--module-path", api.toString(), drivers.resolve("src/module-info.java").toString(),
                sources.resolve("JdkUserDriver.java").toString());
        assertEquals(0, javac);
        Path dir = Files.createDirectory(drivers.resolve("drop-in"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("jdkuser.jar")));
             var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                jar.write(Files.readAllBytes(file));
            }
        }
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", dir.toString(),
                    "run", "jdkuser", "--", "sh", "-c", "echo \"$PIFPAF_URL\""), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertEquals("jdkuser://uses-Types-xml-Context-ManagementFactory-ExtendedSocketOptions", result.stdout().trim());
            assertEquals("", result.stderr(), result.toString());
        }
    }
}
