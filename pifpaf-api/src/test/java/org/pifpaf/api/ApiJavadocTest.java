package org.pifpaf.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /**
     * What a brace opens: a type whose members are public unless private, an enum (whose
     * constants are public), another type, or code.
     */
    private enum Scope { PUBLIC_MEMBERS, ENUM, TYPE, CODE }

    private static final Pattern TYPE = Pattern.compile(".*\\b(class|interface|enum|record|@interface) \\w+.*");

    private static void check(Path source, List<String> uncommented) throws IOException {
        List<String> lines = Files.readAllLines(source);
        Deque<Scope> scopes = new ArrayDeque<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Scope scope = scopes.isEmpty() ? Scope.TYPE : scopes.peek();
            // Members of types nested at any depth count, as long as no code or hidden type is around them.
            boolean inTypes = scopes.stream().noneMatch(s -> s == Scope.CODE);
            boolean visible = line.startsWith("public ") || line.startsWith("protected ")
                    || scope == Scope.PUBLIC_MEMBERS && !line.startsWith("private ") && !line.startsWith("//")
                    || scope == Scope.ENUM && line.matches("[A-Z][A-Z0-9_]*\\b.*");
            if (inTypes && visible && DECLARATION.matcher(lines.get(i)).matches() && !commented(lines, i)) {
                uncommented.add(source.getFileName() + ":" + (i + 1) + ": " + line);
            }
            int opened = count(line, '{') - count(line, '}');
            for (; opened < 0; opened++) {
                scopes.pop();
            }
            if (opened > 0) {
                boolean type = TYPE.matcher(line).matches() && !line.contains("new ");
                scopes.push(!type ? Scope.CODE : !visible ? Scope.CODE
                        : line.matches(".*\\binterface .*") ? Scope.PUBLIC_MEMBERS
                        : line.matches(".*\\benum .*") ? Scope.ENUM : Scope.TYPE);
                for (; opened > 1; opened--) {
                    scopes.push(Scope.CODE);
                }
            }
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
