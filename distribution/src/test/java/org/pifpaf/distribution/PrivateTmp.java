package org.pifpaf.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private {@code TMPDIR} for one test, writable by the unprivileged user too: after pifpaf
 * exits it must be empty, whatever happened.
 */
final class PrivateTmp implements AutoCloseable {

    private final Path dir;

    PrivateTmp() throws IOException {
        dir = Files.createTempDirectory("pifpaf-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    Path path() {
        return dir;
    }

    Map<String, String> env() {
        return Map.of("TMPDIR", dir.toString());
    }

    /**
     * What pifpaf left here (processes working in here, then files) after waiting up to 5 s:
     * a stop signalled from outside (kill $PIFPAF_PID) finishes a moment later.
     */
    List<String> leftovers() throws IOException, InterruptedException {
        List<String> left = Leftovers.awaitNoProcessesIn(dir.toString() + "/");
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> files;
        while (!(files = entries()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Stream.concat(left.stream(), files.stream()).toList();
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(Path::toString).toList();
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
