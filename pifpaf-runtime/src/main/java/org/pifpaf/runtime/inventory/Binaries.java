package org.pifpaf.runtime.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;

/**
 * Finds the executables drivers declare: first in the directory a command such as
 * {@code pg_config --bindir} prints, then in the declared directories (see {@link SearchPaths}),
 * then on {@code PATH}. Results are cached for the life of the JVM.
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

    /**
     * Every installed copy of {@code binary}, in the order {@link #find} looks (the first is the
     * one it finds), each once: for a request of one version, where another may come first.
     */
    public static List<Path> candidates(Binary binary) {
        List<Path> dirs = new ArrayList<>();
        bindirOf(binary).ifPresent(dirs::add);
        for (String pattern : binary.searchDirs()) {
            dirs.addAll(SearchPaths.expand(pattern));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        java.util.Set<Path> seen = new java.util.HashSet<>();
        List<Path> found = new ArrayList<>();
        for (Path dir : dirs) {
            Path candidate = dir.resolve(binary.name());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                    && seen.add(realPath(candidate).orElse(candidate))) {
                found.add(candidate);
            }
        }
        return found;
    }

    /**
     * The line {@code binary} prints its version on when asked, if it answers quickly: the first
     * line holding a version number (a warning may come first, as Aodh's programs print one), else
     * the first line.
     */
    public static Optional<String> version(Binary binary, Path executable) {
        if (binary.versionArgs().isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(binary.versionArgs());
        // Compiled here, not when the class loads: every run finds binaries, only list-drivers asks versions.
        Pattern version = Pattern.compile("\\d+(\\.\\d+)+");
        return outputOf(argv).flatMap(output -> output.lines().filter(line -> version.matcher(line).find()).findFirst()
                .or(() -> output.lines().findFirst())).filter(line -> !line.isBlank());
    }

    /** {@code executable} with every symbolic link followed, if it can be. */
    public static Optional<Path> realPath(Path executable) {
        try {
            return Optional.of(executable.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> search(Binary binary) {
        List<Path> dirs = new ArrayList<>();
        bindirOf(binary).ifPresent(dirs::add);
        for (String pattern : binary.searchDirs()) {
            dirs.addAll(SearchPaths.expand(pattern));
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(binary.name());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return SearchPaths.onPath(binary.name());
    }

    /** The directory the binary's directory command prints, if it has one and it answers. */
    private static Optional<Path> bindirOf(Binary binary) {
        if (binary.bindirCommand().isEmpty()) {
            return Optional.empty();
        }
        String tool0 = binary.bindirCommand().get(0);
        return (tool0.contains("/") ? Optional.of(Path.of(tool0)) : SearchPaths.onPath(tool0)).flatMap(tool -> {
            List<String> argv = new ArrayList<>(binary.bindirCommand());
            argv.set(0, tool.toString());
            return firstLineOf(argv).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
        });
    }

    private static Optional<String> firstLineOf(List<String> argv) {
        return outputOf(argv).flatMap(output -> output.lines().findFirst());
    }

    /** The first 4 KB of what {@code argv} prints (output and errors), if it ends within 3 s of that. */
    private static Optional<String> outputOf(List<String> argv) {
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
            return Optional.of(output);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
