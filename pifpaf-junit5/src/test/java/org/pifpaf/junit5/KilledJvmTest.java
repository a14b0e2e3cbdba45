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

    /** Run in a second JVM: starts PostgreSQL and Redis in {@code args[0]}, then waits. */
    public static void main(String[] args) throws Exception {
        Path tmp = Path.of(args[0]);
        Pifpaf.daemon("postgresql").tmpDir(tmp).start();
        Pifpaf.daemon("redis").tmpDir(tmp).start();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @TempDir
    Path tmp;

    @Test
    void daemonsOfAKilledJvmAreStoppedAndTheirDataRemoved() throws Exception {
        // As root, PostgreSQL runs as the unprivileged user, which must reach its data directory.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledJvmTest.class.getName(), tmp.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            assertEquals("ready", out.readLine());
        }
        assertEquals(2, entries().size(), "two data directories while it runs");
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        jvm.waitFor();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!entries().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), entries());
        assertTrue(stillRunningIn(tmp).isEmpty(), stillRunningIn(tmp).toString());
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
