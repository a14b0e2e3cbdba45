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
import org.pifpaf.runtime.Environment;

/**
 * Finds the executables drivers declare: first in the directory a command such as
 * {@code pg_config --bindir} prints, then in the declared directories (see {@link SearchPaths}),
 * then on {@code PATH}, as an environment gives them. Results are cached for the life of the
 * JVM, by the binary and what the environment makes of its search: {@code PATH} and the search
 * directories with their variables expanded.
 */
public final class Binaries {

    /**
     * By what the search reads (name, search directories as {@code environment} expands them,
     * directory command, {@code PATH}), as a list: a {@link Binary} key would call the record's
     * generated {@code hashCode}, whose first use spins method-handle classes, milliseconds of
     * every CLI run.
     */
    private static final Map<List<Object>, Optional<Path>> FOUND = new ConcurrentHashMap<>();

    private Binaries() {
    }

    /** Where {@code binary} is, if it is installed, looked for as this process's environment says. */
    public static Optional<Path> find(Binary binary) {
        return find(binary, Environment.process());
    }

    /** Where {@code binary} is, if it is installed, looked for as {@code environment} says. */
    public static Optional<Path> find(Binary binary, Environment environment) {
        List<Object> key = List.of(binary.name(), expandedSearchDirs(binary, environment), binary.bindirCommand(),
                String.valueOf(environment.get("PATH")));
        return FOUND.computeIfAbsent(key, k -> search(binary, environment));
    }

    /**
     * Every installed copy of {@code binary}, in the order {@link #find} looks (the first is the
     * one it finds), each once: for a request of one version, where another may come first.
     */
    public static List<Path> candidates(Binary binary, Environment environment) {
        List<Path> dirs = new ArrayList<>();
        bindirOf(binary, environment).ifPresent(dirs::add);
        for (String pattern : binary.searchDirs()) {
            dirs.addAll(SearchPaths.expand(pattern, environment));
        }
        dirs.addAll(environment.path());
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
        return version(binary, executable, Environment.process());
    }

    /** {@link #version(Binary, Path)}, the binary run in {@code environment}. */
    public static Optional<String> version(Binary binary, Path executable, Environment environment) {
        if (binary.versionArgs().isEmpty()) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(binary.versionArgs());
        // Compiled here, not when the class loads: every run finds binaries, only list-drivers asks versions.
        Pattern version = Pattern.compile("\\d+(\\.\\d+)+");
        return outputOf(argv, environment).flatMap(output -> output.lines().filter(line -> version.matcher(line).find()).findFirst()
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

    /** The binary's search directories with {@code environment}'s values in them (the cache key's part). */
    private static List<String> expandedSearchDirs(Binary binary, Environment environment) {
        List<String> expanded = new ArrayList<>(binary.searchDirs().size());
        for (String pattern : binary.searchDirs()) {
            expanded.add(SearchPaths.variablesExpanded(pattern, environment).orElse(""));
        }
        return expanded;
    }

    private static Optional<Path> search(Binary binary, Environment environment) {
        List<Path> dirs = new ArrayList<>();
        bindirOf(binary, environment).ifPresent(dirs::add);
        for (String pattern : binary.searchDirs()) {
            dirs.addAll(SearchPaths.expand(pattern, environment));
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(binary.name());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return SearchPaths.onPath(binary.name(), environment);
    }

    /** The directory the binary's directory command prints, if it has one and it answers. */
    private static Optional<Path> bindirOf(Binary binary, Environment environment) {
        if (binary.bindirCommand().isEmpty()) {
            return Optional.empty();
        }
        String tool0 = binary.bindirCommand().get(0);
        return (tool0.contains("/") ? Optional.of(Path.of(tool0)) : SearchPaths.onPath(tool0, environment)).flatMap(tool -> {
            List<String> argv = new ArrayList<>(binary.bindirCommand());
            argv.set(0, tool.toString());
            return firstLineOf(argv, environment).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
        });
    }

    private static Optional<String> firstLineOf(List<String> argv, Environment environment) {
        return outputOf(argv, environment).flatMap(output -> output.lines().findFirst());
    }

    /** The first 4 KB of what {@code argv} prints (output and errors), if it ends within 3 s of that. */
    private static Optional<String> outputOf(List<String> argv, Environment environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (environment != Environment.process()) {
                builder.environment().clear();
                builder.environment().putAll(environment.asMap());
            }
            Process process = builder.start();
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
