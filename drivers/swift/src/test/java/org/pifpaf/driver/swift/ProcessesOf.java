package org.pifpaf.driver.swift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The running processes that belong to a data directory: those working in it, and those naming
 * it on their command line. Swift's servers change to {@code /} as they start, so their working
 * directory does not tell; their command line (the configuration file's path) does.
 */
final class ProcessesOf {

    private ProcessesOf() {
    }

    /** {@code pid command line} of each live process in or naming {@code dataDir}. */
    static List<String> dataDir(Path dataDir) {
        String dir = dataDir.toString();
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    String cwd = Files.readSymbolicLink(proc.resolve("cwd")).toString();
                    if ((cmdline.contains(dir) || cwd.startsWith(dir)) && !isZombie(proc)) {
                        found.add(proc.getFileName() + " " + cmdline.strip());
                    }
                } catch (IOException | SecurityException e) {
                    // Gone meanwhile, or not ours to see.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean isZombie(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    }
}
