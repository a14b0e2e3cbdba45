package org.pifpaf.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds what a daemon could leave behind. The runtime starts every daemon process in its data
 * directory, so a process whose working directory is (or was) inside it is a leftover; so is one
 * whose command line names it (Elasticsearch's start script moves to its installation directory
 * before it runs the JVM, whose options name the data directory).
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Running processes whose working directory is inside {@code dataDir}, or whose command line names it. */
    static List<String> processesIn(String dataDir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cwd = Files.readSymbolicLink(proc.resolve("cwd")).toString();
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if ((cwd.startsWith(dataDir) || cmdline.contains(dataDir)) && !isZombie(proc)) {
                        found.add(proc.getFileName() + " " + cmdline);
                    }
                } catch (IOException | SecurityException e) {
                    // Gone, or not ours to see.
                }
            }
        }
        return found;
    }

    /**
     * Running processes whose command line names {@code path}: those of a daemon that left its
     * data directory (uwsgi, under gnocchi-api, works in {@code /}) still name its files.
     */
    static List<String> processesNaming(String path) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
                    if (cmdline.contains(path) && !isZombie(proc)) {
                        found.add(proc.getFileName() + " " + cmdline);
                    }
                } catch (IOException | SecurityException e) {
                    // Gone, or not ours to see.
                }
            }
        }
        return found;
    }

    /** Waits up to 5 s for the processes working in {@code dir} to go; returns those left. */
    static List<String> awaitNoProcessesIn(String dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> left;
        while (!(left = processesIn(dir)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return left;
    }

    private static boolean isZombie(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    }
}
