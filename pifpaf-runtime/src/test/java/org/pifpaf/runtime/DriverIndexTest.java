package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.runtime.discovery.DriverIndex;
import org.pifpaf.runtime.discovery.UnitStamp;

/** The driver index: a lookup loads only the units that provide the name, or that the index does not know. */
class DriverIndexTest {

    private static final Path ECHO_JAR = DriverJars.echoJar();

    @TempDir
    Path drivers;

    @TempDir
    Path cache;

    private Path loadLog;

    @BeforeEach
    void logLoads() {
        loadLog = cache.resolve("loaded.log");
        System.setProperty(DriverJars.LOAD_LOG, loadLog.toString());
    }

    @AfterEach
    void stopLogging() {
        System.clearProperty(DriverJars.LOAD_LOG);
    }

    private DriverRegistry registry() {
        return DriverRegistry.indexed(List.of(drivers), () -> Optional.of(cache));
    }

    private Path indexFile() {
        return cache.resolve(DriverIndex.FILE_NAME);
    }

    /** What the lookup {@code name} loaded of the generated drivers. */
    private List<String> loadedBy(DriverRegistry registry, String name) throws Exception {
        Files.deleteIfExists(loadLog);
        registry.find(name);
        return DriverJars.loaded(loadLog);
    }

    @Test
    void aKnownUnitWithoutTheNameIsNotLoaded() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        assertEquals(List.of("alpha"), loadedBy(registry(), "echo"), "the first run loads all");
        DriverRegistry second = registry();
        assertEquals(List.of(), loadedBy(second, "echo"));
        assertEquals(drivers.resolve("echo.jar").toString(), second.find("echo").orElseThrow().origin());
        assertEquals(List.of("alpha"), loadedBy(second, "alpha"));
        assertEquals(List.of(), loadedBy(registry(), "shell"), "built in: no unit provides it");
    }

    @Test
    void listingAllDriversLoadsEveryUnit() throws Exception {
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        registry().find("alpha");
        DriverRegistry second = registry();
        assertEquals(List.of("alpha", "mismatch", "nesting", "shell"), second.drivers().stream().map(DriverDescriptor::name).toList());
        assertEquals(Optional.of("alpha"), second.closestName("alpa"));
    }

    @Test
    void aChangedJarIsLoadedAgainAndReindexed() throws Exception {
        Path jar = DriverJars.write(drivers.resolve("a.jar"), "alpha");
        registry().find("alpha");
        FileTime before = Files.getLastModifiedTime(jar);
        DriverJars.write(jar, "beta");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 10_000));
        assertEquals(List.of("beta"), loadedBy(registry(), "echo"));
        assertEquals(List.of(), loadedBy(registry(), "echo"));
        assertTrue(registry().find("beta").isPresent());
        assertFalse(registry().find("alpha").isPresent());
    }

    @Test
    void aJarReplacedWithTheSameSizeAndModificationTimeIsLoadedAgain() throws Exception {
        Path jar = DriverJars.write(drivers.resolve("a.jar"), "alpha");
        // Indexed without loading it: this JVM's zip cache would serve the old content again at the same path and time.
        DriverIndex index = DriverIndex.load(indexFile());
        index.record(UnitStamp.of(jar).orElseThrow(), List.of("alpha"));
        index.save();
        assertEquals(List.of(), loadedBy(registry(), "omega"), "indexed as alpha");
        FileTime modified = Files.getLastModifiedTime(jar);
        Object changed = Files.getAttribute(jar, "unix:ctime");
        long size = Files.size(jar);
        do { // until the file system's clock (a few ms per tick) has moved on
            DriverJars.write(jar, "omega");
            Files.setLastModifiedTime(jar, modified);
        } while (Files.getAttribute(jar, "unix:ctime").equals(changed));
        assertEquals(size, Files.size(jar), "the test needs jars of one size");
        assertEquals(List.of("omega"), loadedBy(registry(), "omega"));
    }

    @Test
    void aJarAddedToADriverSubDirectoryChangesTheUnit() throws Exception {
        Path unit = Files.createDirectory(drivers.resolve("with-deps"));
        DriverJars.write(unit.resolve("alpha.jar"), "alpha");
        registry().find("alpha");
        Files.copy(ECHO_JAR, unit.resolve("zz-dependency.jar"));
        assertEquals(List.of("alpha"), loadedBy(registry(), "shell"));
    }

    @Test
    void aNewJarIsLoadedOnceThenIndexed() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        registry().find("echo");
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        assertEquals(List.of("alpha"), loadedBy(registry(), "echo"));
        assertEquals(List.of(), loadedBy(registry(), "echo"));
        assertTrue(registry().find("alpha").isPresent());
    }

    @Test
    void aRemovedJarDropsOutOfTheIndex() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        registry().find("echo");
        assertTrue(Files.readString(indexFile()).contains("alpha.jar"));
        Files.delete(drivers.resolve("alpha.jar"));
        assertTrue(registry().find("echo").isPresent());
        String index = Files.readString(indexFile());
        assertFalse(index.contains("alpha.jar"), index);
        assertTrue(index.contains("echo.jar"), index);
        assertFalse(registry().find("alpha").isPresent());
    }

    @Test
    void aGarbageIndexIsIgnoredAndRewritten() throws Exception {
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        Files.writeString(indexFile(), "\0\1 not an index\n\tat all\n");
        assertEquals(List.of("alpha"), loadedBy(registry(), "echo"));
        assertEquals(List.of(), loadedBy(registry(), "echo"), "rewritten, so trusted next time");
    }

    @Test
    void anIndexWithOneDamagedLineIsNotTrustedAtAll() throws Exception {
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        registry().find("alpha");
        String valid = Files.readString(indexFile());
        Files.writeString(indexFile(), valid.replace("\talpha\t", "\tother\t") + "damaged\n");
        assertEquals(List.of("alpha"), loadedBy(registry(), "alpha"));
    }

    @Test
    void anUnwritableCacheDirectoryMeansLoadingEverything() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("file"), "");
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        for (int run = 0; run < 2; run++) {
            DriverRegistry registry = DriverRegistry.indexed(List.of(drivers), () -> Optional.of(notADirectory.resolve("pifpaf")));
            assertEquals(List.of("alpha"), loadedBy(registry, "echo"));
        }
        assertEquals(List.of("file", "loaded.log"), List.of(cache.toFile().list()).stream().sorted().toList());
    }

    @Test
    void withoutACacheDirectoryEveryUnitIsLoaded() throws Exception {
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        for (int run = 0; run < 2; run++) {
            assertEquals(List.of("alpha"), loadedBy(DriverRegistry.indexed(List.of(drivers), Optional::empty), "echo"));
        }
    }

    @Test
    void aConflictWithABuiltInIsFoundThroughTheIndex() throws Exception {
        DriverJars.write(drivers.resolve("other-shell.jar"), "shell");
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        assertThrows(DriverConflictException.class, () -> registry().find("shell"));
        DriverConflictException e = assertThrows(DriverConflictException.class, () -> registry().find("shell"));
        assertTrue(e.getMessage().contains("built in") && e.getMessage().contains("other-shell.jar"), e.getMessage());
        assertEquals(List.of("alpha"), loadedBy(registry(), "alpha"), "a lookup of another name does not load it");
    }

    @Test
    void aConflictBetweenTwoJarsIsFoundThroughTheIndex() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("a.jar"));
        Files.copy(ECHO_JAR, drivers.resolve("b.jar"));
        DriverJars.write(drivers.resolve("alpha.jar"), "alpha");
        for (int run = 0; run < 2; run++) {
            DriverConflictException e = assertThrows(DriverConflictException.class, () -> registry().find("echo"));
            assertTrue(e.getMessage().contains("a.jar") && e.getMessage().contains("b.jar"), e.getMessage());
        }
        assertTrue(registry().find("alpha").isPresent(), "only the name looked up is checked");
        assertThrows(DriverConflictException.class, () -> registry().drivers());
    }

    @Test
    void aBrokenJarIsNotIndexedAndLoadsOnceFixed() throws Exception {
        Files.copy(ECHO_JAR, drivers.resolve("echo.jar"));
        Path jar = Files.writeString(drivers.resolve("alpha.jar"), "not a zip file");
        assertFalse(registry().find("alpha").isPresent());
        assertFalse(Files.readString(indexFile()).contains("alpha.jar"));
        assertFalse(registry().find("alpha").isPresent());
        DriverJars.write(jar, "alpha");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        assertEquals(List.of("alpha"), loadedBy(registry(), "alpha"));
        assertEquals(List.of(), loadedBy(registry(), "echo"));
    }

    @Test
    void concurrentRunsSharingTheIndexAllSucceedAndLeaveAValidIndex() throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            Path dir = Files.createDirectory(drivers.resolve(name));
            DriverJars.write(dir.resolve(name + ".jar"), name);
            dirs.add(dir);
        }
        ExecutorService pool = Executors.newFixedThreadPool(dirs.size());
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Path dir : dirs) {
                    String name = dir.getFileName().toString();
                    runs.add(pool.submit(() -> DriverRegistry.indexed(List.of(dir), () -> Optional.of(cache))
                            .find(name).isPresent()));
                }
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(indexFile());
        assertEquals("pifpaf driver index 1", lines.get(0));
        DriverRegistry all = DriverRegistry.indexed(dirs, () -> Optional.of(cache));
        assertEquals(List.of("alpha", "beta", "delta", "gamma", "mismatch", "nesting", "shell"),
                all.drivers().stream().map(DriverDescriptor::name).toList());
        try (var leftovers = Files.list(cache)) {
            assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
