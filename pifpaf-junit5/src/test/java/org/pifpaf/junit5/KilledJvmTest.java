package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.Pifpaf;
import org.pifpaf.testkit.MissingBinaries;

/** A test JVM using the fixtures, killed with SIGKILL: its daemons and data go too. */
class KilledJvmTest {

    /**
     * Run in a second JVM: starts PostgreSQL and Redis in {@code args[0]} (the template cache in
     * {@code args[1]}), then waits. With a third argument, PostgreSQL is started and closed twice
     * first, so that a spare copy of its cluster is being made or kept in the cache; with
     * {@code exit}, the JVM then exits by itself at the first line on its standard input.
     */
    public static void main(String[] args) throws Exception {
        Path tmp = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        if (args.length > 2) {
            for (int i = 0; i < 2; i++) {
                Pifpaf.daemon("postgresql").tmpDir(tmp).cacheDir(cache).start().close();
            }
        }
        Pifpaf.daemon("postgresql").tmpDir(tmp).cacheDir(cache).start();
        Pifpaf.daemon("redis").tmpDir(tmp).start();
        System.out.println("ready");
        System.out.flush();
        if (args.length > 2 && args[2].equals("exit")) {
            System.in.read();
            System.exit(0); // the daemons are not closed: the shutdown hooks must clean up
        }
        Thread.sleep(60_000);
    }

    @TempDir
    Path tmp;
    private Path cache;

    @BeforeAll
    static void daemonsInstalled() {
        // The second JVM starts them: it could only report a missing binary as a failure.
        MissingBinaries.require("postgresql", "postgres");
        MissingBinaries.require("redis", "redis-server");
    }

    @BeforeEach
    void cacheDirectory() throws Exception {
        // Beside tmp (so on its file system, where spares are kept), not in it: tmp must end empty.
        cache = Files.createTempDirectory(tmp.getParent(), "pifpaf-killed-jvm-cache");
    }

    @AfterEach
    void removeCache() throws Exception {
        try (Stream<Path> paths = Files.walk(cache)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void daemonsOfAKilledJvmAreStoppedAndTheirDataRemoved() throws Exception {
        Process jvm = startJvm();
        assertEquals(2, entries().size(), "two data directories while it runs");
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        jvm.waitFor();
        assertNothingLeft();
    }

    @Test
    void aSpareBeingCopiedWhenTheJvmIsKilledIsFinishedByItsCopier() throws Exception {
        Process jvm = startJvm("kill");
        jvm.destroyForcibly(); // the spare is still being copied, by a process of its own
        jvm.waitFor();
        assertNothingLeft();
        assertSpareKept();
    }

    @Test
    void aJvmExitingLeavesTheSpareToItsCopier() throws Exception {
        Process jvm = startJvm("exit");
        jvm.getOutputStream().write('\n');
        jvm.getOutputStream().flush();
        assertEquals(0, jvm.waitFor());
        assertNothingLeft();
        assertSpareKept();
    }

    private void assertSpareKept() throws Exception {
        try (Stream<Path> kept = Files.list(cache)) {
            assertEquals(1, kept.filter(p -> p.getFileName().toString().endsWith(".spare")).count(),
                    "no spare kept for the next start");
        }
    }

    /** The second JVM, once it said it is ready. */
    private Process startJvm(String... mode) throws Exception {
        // As root, PostgreSQL runs as the unprivileged user, which must reach its data directory.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> argv = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledJvmTest.class.getName(), tmp.toString(), cache.toString()));
        argv.addAll(List.of(mode));
        Process jvm = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            assertEquals("ready", out.readLine());
        }
        return jvm;
    }

    /**
     * Nothing in tmp, no spare holder in the cache (once its copier is done), no process working
     * in either.
     */
    private void assertNothingLeft() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((!entries().isEmpty() || !holders().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), entries());
        assertEquals(List.of(), holders());
        assertTrue(stillRunningIn(tmp).isEmpty(), stillRunningIn(tmp).toString());
        assertTrue(stillRunningIn(cache).isEmpty(), stillRunningIn(cache).toString());
    }

    private List<Path> holders() throws Exception {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".spare-")
                    || p.getFileName().toString().startsWith(".removed-")).toList();
        }
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.toList();
        }
    }

    private static List<String> stillRunningIn(Path dir) throws Exception {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return Files.readSymbolicLink(p.resolve("cwd")).toString().startsWith(dir.toString())
                            && !Files.readString(p.resolve("stat")).contains(") Z ");
                } catch (Exception e) {
                    return false;
                }
            }).map(Path::toString).toList();
        }
    }
}
