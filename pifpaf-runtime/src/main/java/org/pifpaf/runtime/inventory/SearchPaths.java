package org.pifpaf.runtime.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pifpaf.runtime.Environment;

/** Directories as drivers declare them: {@code ${VARIABLE}}s and one {@code *} segment expanded. */
final class SearchPaths {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private SearchPaths() {
    }

    /**
     * The directories {@code pattern} stands for: none when it names an environment variable that
     * is not set in {@code environment}; for a {@code *} segment, every match, the highest version first.
     */
    static List<Path> expand(String pattern, Environment environment) {
        return variablesExpanded(pattern, environment).map(SearchPaths::glob).orElse(List.of());
    }

    /**
     * {@code pattern} with its {@code ${VARIABLE}}s replaced by their values in {@code environment},
     * its {@code *} left as it is; empty when a variable is not set.
     */
    static Optional<String> variablesExpanded(String pattern, Environment environment) {
        if (pattern.indexOf('$') < 0) {
            return Optional.of(pattern);
        }
        Matcher variables = VARIABLE.matcher(pattern);
        StringBuilder expanded = new StringBuilder();
        while (variables.find()) {
            Optional<String> value = environment.nonBlank(variables.group(1));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            variables.appendReplacement(expanded, Matcher.quoteReplacement(value.get()));
        }
        variables.appendTail(expanded);
        return Optional.of(expanded.toString());
    }

    /** {@code name} looked up on {@code environment}'s {@code PATH}: an executable regular file. */
    static Optional<Path> onPath(String name, Environment environment) {
        for (Path dir : environment.path()) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The entries of {@code dir} whose names match {@code glob} ({@code *} and {@code ?}), highest version first. */
    static List<Path> matching(Path dir, String glob) {
        String regex = glob.replace(".", "\\.").replace("?", ".").replace("*", ".*");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> p.getFileName().toString().matches(regex))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), VersionOrder.INSTANCE).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Expands one {@code *} path segment, highest version first. */
    private static List<Path> glob(String pattern) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return List.of(Path.of(pattern));
        }
        int slashBefore = pattern.lastIndexOf('/', star);
        int slashAfter = pattern.indexOf('/', star);
        Path parent = Path.of(pattern.substring(0, Math.max(1, slashBefore)));
        String segment = pattern.substring(slashBefore + 1, slashAfter < 0 ? pattern.length() : slashAfter);
        String rest = slashAfter < 0 ? "" : pattern.substring(slashAfter + 1);
        return matching(parent, segment).stream().map(p -> rest.isEmpty() ? p : p.resolve(rest)).toList();
    }

    /** Orders "9.6" before "15" and "15" before "16". */
    enum VersionOrder implements Comparator<String> {
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
