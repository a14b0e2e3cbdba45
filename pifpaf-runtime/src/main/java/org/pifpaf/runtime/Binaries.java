package org.pifpaf.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pifpaf.api.Binary;

/**
 * Finds the executables drivers declare: first in the directory a command such as
 * {@code pg_config --bindir} prints, then in the declared directories (globs allowed, highest
 * version first), then on {@code PATH}. Results are cached for the life of the JVM.
 */
public final class Binaries {

    /**
     * By what the search reads (name, search directories, directory command), as a list: a
     * {@link Binary} key would call the record's generated {@code hashCode}, whose first use
     * spins method-handle classes, milliseconds of every CLI run.
     */
    private static final Map<List<Object>, Optional<Path>> FOUND = new ConcurrentHashMap<>();

    private Binaries() {
    }

    /** Where {@code binary} is, if it is installed. */
    public static Optional<Path> find(Binary binary) {
        return FOUND.computeIfAbsent(List.of(binary.name(), binary.searchDirs(), binary.bindirCommand()),
                key -> search(binary));
    }

    /** The first line {@code binary} prints when asked its version, if it answers quickly. */
    public static Optional<String> version(Binary binary, Path executable) {
        if (binary.versionArgs().isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(binary.versionArgs());
        return firstLineOf(argv).filter(line -> !line.isBlank());
    }

    private static Optional<Path> search(Binary binary) {
        List<Path> dirs = new ArrayList<>();
        if (!binary.bindirCommand().isEmpty()) {
            String tool0 = binary.bindirCommand().get(0);
            (tool0.contains("/") ? Optional.of(Path.of(tool0)) : onPath(tool0)).ifPresent(tool -> {
                List<String> argv = new ArrayList<>(binary.bindirCommand());
                argv.set(0, tool.toString());
                firstLineOf(argv).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).ifPresent(dirs::add);
            });
        }
        for (String pattern : binary.searchDirs()) {
            dirs.addAll(expand(pattern));
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(binary.name());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return onPath(binary.name());
    }

    /** {@code name} looked up on {@code PATH}. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Expands one {@code *} path segment, highest version first. */
    private static List<Path> expand(String pattern) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return List.of(Path.of(pattern));
        }
        int slashBefore = pattern.lastIndexOf('/', star);
        int slashAfter = pattern.indexOf('/', star);
        Path parent = Path.of(pattern.substring(0, Math.max(1, slashBefore)));
        String segment = pattern.substring(slashBefore + 1, slashAfter < 0 ? pattern.length() : slashAfter);
        String rest = slashAfter < 0 ? "" : pattern.substring(slashAfter + 1);
        String glob = segment.replace(".", "\\.").replace("*", ".*");
        try (Stream<Path> entries = Files.list(parent)) {
            return entries
                    .filter(p -> p.getFileName().toString().matches(glob))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), VersionOrder.INSTANCE).reversed())
                    .map(p -> rest.isEmpty() ? p : p.resolve(rest))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> firstLineOf(List<String> argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return output.lines().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Orders "9.6" before "15" and "15" before "16". */
    private enum VersionOrder implements Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            String[] x = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
            String[] y = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                int c = x[i].chars().allMatch(Character::isDigit) && y[i].chars().allMatch(Character::isDigit)
                        ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                        : x[i].compareTo(y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        }
    }
}
