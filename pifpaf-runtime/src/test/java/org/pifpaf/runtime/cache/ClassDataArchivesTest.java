package org.pifpaf.runtime.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Command;

/** Class-data archives made from a real JVM's first start and mapped by its next one. */
class ClassDataArchivesTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String SERVER = """
            public class Server {
                public static void main(String[] args) throws Exception {
                    // Some classes of the application's own kind: a map, a thread, a lambda.
                    java.util.Map<String, Runnable> work = new java.util.concurrent.ConcurrentHashMap<>();
                    work.put("ready", () -> System.out.println("ready"));
                    Thread thread = new Thread(work.get("ready"));
                    thread.start();
                    thread.join();
                    Thread.sleep(600_000);
                }
            }
            """;

    @TempDir
    Path tmp;
    private Path jar;
    private ClassDataArchives archives;

    @BeforeEach
    void serverJar() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(sources.resolve("Server.java"), SERVER);
        Process javac = new ProcessBuilder(JAVA.resolveSibling("javac").toString(), "-d", sources.toString(),
                sources.resolve("Server.java").toString()).inheritIO().start();
        assertEquals(0, javac.waitFor(), "javac");
        jar = tmp.resolve("server.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("Server.class"));
            jarOut.write(Files.readAllBytes(sources.resolve("Server.class")));
        }
        archives = new ClassDataArchives(new CacheRoot(tmp.resolve("cache")));
    }

    private Command server() {
        return Command.of(JAVA, "-XX:+UseSerialGC", "-cp", jar.toString(), "Server").label("server").sharingClassData();
    }

    @Test
    void theFirstStartRecordsItsClassesAndTheNextMapsTheArchiveMadeFromThem() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data1"));
        ClassDataUse first = archives.prepare(server(), dataDir, false);
        assertTrue(first.recording());
        assertEquals(List.of(JAVA.toString(), "-XX:DumpLoadedClassList=" + dataDir.resolve("server.classlist"),
                "-XX:+UseSerialGC", "-cp", jar.toString(), "Server"), first.command().argv());
        assertEquals("server", first.command().label());
        runUntilReady(first.command());
        first.afterStopped().run();
        assertTrue(BackgroundWork.await(Duration.ofSeconds(60)), "the archiver finished");
        assertFalse(Files.exists(dataDir.resolve("server.classlist")), "the class list left the data directory");

        List<Path> made = files(tmp.resolve("cache").resolve(ClassDataArchives.DIRECTORY));
        assertEquals(1, made.size(), "one archive and nothing else: " + made);
        Path archive = made.get(0);
        assertTrue(archive.getFileName().toString().endsWith(".jsa"));

        ClassDataUse second = archives.prepare(server(), Files.createDirectories(tmp.resolve("data2")), false);
        assertFalse(second.recording());
        assertEquals(List.of(JAVA.toString(), "-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                "-XX:+UseSerialGC", "-cp", jar.toString(), "Server"), second.command().argv());
        // The JVM says where each class came from: the application's own from the archive.
        List<String> loads = runUntilReady(Command.of(JAVA, insertAfterJava(second.command(), "-Xlog:class+load=info")));
        assertTrue(loads.stream().anyMatch(line -> line.contains(" Server source: shared objects file")),
                "Server came from the archive: " + loads.stream().filter(l -> l.contains("Server")).toList());
    }

    @Test
    void aClassListOnAnotherFileSystemIsArchivedToo() throws Exception {
        Path memory = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isWritable(memory), "no /dev/shm");
        Path dataDir = Files.createTempDirectory(memory, "pifpaf-class-data-test");
        try {
            ClassDataUse first = archives.prepare(server(), dataDir, false);
            runUntilReady(first.command());
            first.afterStopped().run();
            assertTrue(BackgroundWork.await(Duration.ofSeconds(60)));
            assertFalse(archives.prepare(server(), dataDir, false).recording(), "archived");
        } finally {
            Files.deleteIfExists(dataDir.resolve("server.classlist"));
            Files.delete(dataDir);
        }
    }

    @Test
    void aChangedJarGetsAnArchiveOfItsOwn() throws Exception {
        Path dataDir = Files.createDirectories(tmp.resolve("data"));
        ClassDataUse first = archives.prepare(server(), dataDir, false);
        runUntilReady(first.command());
        first.afterStopped().run();
        assertTrue(BackgroundWork.await(Duration.ofSeconds(60)));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertTrue(archives.prepare(server(), dataDir, false).recording(), "a new jar records anew");
    }

    @Test
    void commandsWithoutAClassPathAndMainClassAreLeftAlone() {
        Command script = Command.of(Path.of("/bin/sh"), "-c", "exec sleep 1").sharingClassData();
        ClassDataUse use = archives.prepare(script, tmp, false);
        assertFalse(use.recording());
        assertEquals(script.argv(), use.command().argv());
        Command jarOnly = Command.of(JAVA, "-cp", "x.jar", "-jar", "y.jar").sharingClassData();
        assertEquals(jarOnly.argv(), archives.prepare(jarOnly, tmp, false).command().argv());
    }

    @Test
    void archivesUnusedForLongArePruned() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cache").resolve(ClassDataArchives.DIRECTORY));
        Path old = Files.writeString(dir.resolve("old.jsa"), "x");
        Path recent = Files.writeString(dir.resolve("recent.jsa"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        archives.pruneUnusedSince(Instant.now().minus(Duration.ofDays(30)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent));
    }

    private static String[] insertAfterJava(Command command, String option) {
        List<String> argv = command.argv();
        Stream<String> rest = argv.subList(1, argv.size()).stream();
        return Stream.concat(Stream.of(option), rest).toArray(String[]::new);
    }

    /** Runs {@code command} until it prints "ready", kills it; its output lines. */
    private static List<String> runUntilReady(Command command) throws Exception {
        Process process = new ProcessBuilder(command.argv()).redirectErrorStream(true).start();
        List<String> lines = new java.util.ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
                lines.add(line);
            }
        } finally {
            process.destroyForcibly(); // as the daemons that share class data are stopped: SIGKILL
            process.waitFor();
        }
        return lines;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }
}
