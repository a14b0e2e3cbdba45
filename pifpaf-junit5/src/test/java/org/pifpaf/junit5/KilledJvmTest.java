package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.Pifpaf;

/** A test JVM using the fixtures, killed with SIGKILL: its daemons and data go too. */
class KilledJvmTest {

    /**
     * Run in a second JVM: starts PostgreSQL and Redis in {@code args[0]}, then waits. With a
     * second argument, PostgreSQL is started and closed twice first, so that a spare copy of its
     * cluster is kept beside the data directories; with {@code exit}, the JVM then exits by itself
     * at the first line on its standard input.
     */
    public static void main(String[] args) throws Exception {
        Path tmp = Path.of(args[0]);
        if (args.length > 1) {
            for (int i = 0; i < 2; i++) {
                Pifpaf.daemon("postgresql").tmpDir(tmp).start().close();
            }
        }
        Pifpaf.daemon("postgresql").tmpDir(tmp).start();
        Pifpaf.daemon("redis").tmpDir(tmp).start();
        System.out.println("ready");
        System.out.flush();
        if (args.length > 1 && args[1].equals("exit")) {
            System.in.read();
            System.exit(0); // the daemons are not closed: the shutdown hooks must clean up
        }
        Thread.sleep(60_000);
    }

    @TempDir
    Path tmp;

    @Test
    void daemonsOfAKilledJvmAreStoppedAndTheirDataRemoved() throws Exception {
        Process jvm = startJvm();
        assertEquals(2, entries().size(), "two data directories while it runs");
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        jvm.waitFor();
        assertNothingLeft();
    }

    @Test
    void theSpareCopyOfAKilledJvmIsRemovedToo() throws Exception {
        Process jvm = startJvm("kill");
        assertEquals(1, spares().size(), "a spare (ready or being copied) while it runs: " + entries());
        jvm.destroyForcibly();
        jvm.waitFor();
        assertNothingLeft();
    }

    @Test
    void theSpareCopyIsRemovedWhenTheJvmExits() throws Exception {
        Process jvm = startJvm("exit");
        assertEquals(1, spares().size(), "a spare (ready or being copied) while it runs: " + entries());
        jvm.getOutputStream().write('\n');
        jvm.getOutputStream().flush();
        assertEquals(0, jvm.waitFor());
        assertNothingLeft();
    }

    /** The second JVM, once it said it is ready. */
    private Process startJvm(String... mode) throws Exception {
        // As root, PostgreSQL runs as the unprivileged user, which must reach its data directory.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> argv = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledJvmTest.class.getName(), tmp.toString()));
        argv.addAll(List.of(mode));
        Process jvm = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            assertEquals("ready", out.readLine());
        }
        return jvm;
    }

    private void assertNothingLeft() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!entries().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), entries());
        assertTrue(stillRunningIn(tmp).isEmpty(), stillRunningIn(tmp).toString());
    }

    private List<Path> spares() throws Exception {
        return entries().stream().filter(p -> p.getFileName().toString().startsWith(".pifpaf-spare-")).toList();
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
