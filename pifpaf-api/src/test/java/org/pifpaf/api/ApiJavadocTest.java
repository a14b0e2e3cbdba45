package org.pifpaf.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of the API has a Javadoc comment: the build's Javadoc run checks
 * what comments say, this checks that none is missing (in interfaces, members are public unless
 * private).
 */
class ApiJavadocTest {

    /** A declaration that the Javadoc shows: public, or an interface's member (not private, not a default's body). */
    private static final Pattern DECLARATION = Pattern.compile(
            "^\\s*(public |protected )?(static |final |abstract |default |sealed )*"
                    + "((class|interface|enum|record|@interface) \\w+|[\\w<>\\[\\], .?]+ \\w+\\(.*|[A-Z]\\w*(\\(.*)?[,;]?)\\s*(\\{|;|,)?\\s*$");

    @Test
    void everyPublicTypeAndMemberHasAComment() throws IOException {
        List<String> uncommented = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/pifpaf/api"))) {
            for (Path source : sources.sorted().toList()) {
                check(source, uncommented);
            }
        }
        assertEquals(List.of(), uncommented);
    }

    private static void check(Path source, List<String> uncommented) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int depth = 0;
        boolean publicScope = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean visible = line.trim().startsWith("public ") || line.trim().startsWith("protected ")
                    || publicScope && depth == 1 && !line.trim().startsWith("private ") && !line.trim().startsWith("//");
            if (depth <= 1 && visible && DECLARATION.matcher(line).matches() && !commented(lines, i)) {
                uncommented.add(source.getFileName() + ":" + (i + 1) + ": " + line.trim());
            }
            if (depth == 0 && line.matches("public .*interface .*")) {
                publicScope = true; // an interface's members are public without saying so
            }
            depth += count(line, '{') - count(line, '}');
        }
    }

    /** Whether the lines above {@code i}, past annotations, end a Javadoc comment; an override inherits its comment. */
    private static boolean commented(List<String> lines, int i) {
        int j = i - 1;
        while (j >= 0 && lines.get(j).trim().startsWith("@")) {
            if (lines.get(j).trim().equals("@Override")) {
                return true;
            }
            j--;
        }
        return j >= 0 && lines.get(j).trim().endsWith("*/");
    }

    private static int count(String line, char c) {
        String code = line.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "").replaceAll("'.'", "");
        int n = 0;
        for (int k = 0; k < code.length(); k++) {
            if (code.charAt(k) == c) {
                n++;
            }
        }
        return n;
    }
}
