package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery from the class path and from drivers directories. */
class DriverRegistryTest {

    private static final Path ECHO_JAR = DriverJars.echoJar();

    @TempDir
    Path drivers;

    @Test
    void findsClassPathDriversAsBuiltIn() {
        DriverRegistry registry = DriverRegistry.discover(List.of());
        assertEquals(DriverDescriptor.BUILT_IN, registry.find("shell").orElseThrow().origin());
    }

    @Test
    void loadsAJarFromADriversDirectoryAndNamesIt() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        DriverRegistry registry = DriverRegistry.discover(List.of(drivers));
        assertEquals(drivers.resolve("echo.jar").toString(), registry.find("echo").orElseThrow().origin());
        assertEquals(List.of("echo", "mismatch", "nesting", "shell"), registry.drivers().stream().map(DriverDescriptor::name).toList());
    }

    @Test
    void aDriverWithAnInvalidNameIsIgnoredWithAnErrorNamingItsJarAndTheOthersLoad() throws Exception {
        DriverJars.write(drivers.resolve("bad.jar"), "Bad_Name");
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        RecordedLogs.take();
        DriverRegistry registry = DriverRegistry.discover(List.of(drivers));
        assertEquals(List.of("echo", "mismatch", "nesting", "shell"), registry.drivers().stream().map(DriverDescriptor::name).toList());
        assertTrue(registry.find("Bad_Name").isEmpty());
        List<String> errors = RecordedLogs.take().stream().filter(line -> line.startsWith("ERROR ")).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(" from " + drivers.resolve("bad.jar") + " is ignored: its name 'Bad_Name' is not"),
                errors.get(0));
    }

    @Test
    void skipsBrokenJarsAndMissingDirectories() throws Exception {
        Files.writeString(drivers.resolve("broken.jar"), "not a zip");
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        DriverRegistry registry = DriverRegistry.discover(List.of(drivers, drivers.resolve("absent")));
        assertTrue(registry.find("echo").isPresent());
    }

    @Test
    void loadsADriverSubDirectory() throws Exception {
        Path unit = Files.createDirectory(drivers.resolve("echo-with-deps"));
        Files.copy(ECHO_JAR, unit.resolve("echo.jar"));
        assertEquals(unit.toString(), DriverRegistry.discover(List.of(drivers)).find("echo").orElseThrow().origin());
    }

    @Test
    void twoDriversWithOneNameAreAnErrorNamingBoth() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("a.jar"));
        Files.copy(ECHO_JAR, drivers.resolve("b.jar"));
        DriverConflictException e = assertThrows(DriverConflictException.class,
                () -> DriverRegistry.discover(List.of(drivers)));
        assertTrue(e.getMessage().contains("a.jar") && e.getMessage().contains("b.jar"), e.getMessage());
    }

    @Test
    void suggestsTheClosestName() {
        DriverRegistry registry = DriverRegistry.discover(List.of());
        assertEquals(Optional.of("shell"), registry.closestName("shel"));
        assertEquals(Optional.empty(), registry.closestName("postgresql"));
    }
}
