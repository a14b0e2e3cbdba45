package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and checking stack files, with the test driver {@code shell}. */
class StackFilesTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());
    private static final Path NAME = Path.of("stack.yaml");

    private static final String STACK = """
            daemons:
              cache: { driver: shell }
              db-main:
                driver: shell
                options: { port: 0, unprivileged: yes, ready: "^ok$" }
                prefix: DB
              app:
                driver: shell
                options:
                  script: "echo ${db-main.URL} ${cache.PORT}; echo cost $$5 and $HOME"
                  setup: 'echo ${cache.FIRST} ${db-main.PGHOST}'
            """;

    @TempDir
    Path dir;

    private static StackDefinition parse(String yaml) {
        return StackFiles.parse(yaml, NAME, REGISTRY);
    }

    private static void assertFails(String expectedMessage, String yaml) {
        StackFileException e = assertThrows(StackFileException.class, () -> parse(yaml));
        assertEquals(expectedMessage, e.getMessage());
    }

    // A valid file

    @Test
    void readsEntriesInFileOrderWithTheirLines() {
        StackDefinition stack = parse(STACK);
        assertEquals(NAME, stack.file());
        assertEquals(List.of("cache", "db-main", "app"), stack.daemons().stream().map(StackEntry::name).toList());
        assertEquals(List.of(2, 3, 7), stack.daemons().stream().map(StackEntry::line).toList());
        assertTrue(stack.daemons().stream().allMatch(entry -> entry.driver().equals("shell")));
    }

    @Test
    void keepsOptionsAsTextInFileOrderAndNormalizesLiteralTypedValues() {
        StackEntry db = parse(STACK).entry("db-main").orElseThrow();
        assertEquals(List.of("port", "unprivileged", "ready"), List.copyOf(db.options().keySet()));
        assertEquals(Map.of("port", "0", "unprivileged", "true", "ready", "^ok$"), db.options());
    }

    @Test
    void keepsReferencesAndEscapesUnresolvedInOptions() {
        StackEntry app = parse(STACK).entry("app").orElseThrow();
        assertEquals("echo ${db-main.URL} ${cache.PORT}; echo cost $$5 and $HOME", app.options().get("script"));
    }

    @Test
    void anEntryWithoutOptionsHasNone() {
        assertEquals(Map.of(), parse(STACK).entry("cache").orElseThrow().options());
    }

    @Test
    void prefixDefaultsToTheNameUpperCasedWithDashesAsUnderscores() {
        StackDefinition stack = parse("""
                daemons:
                  cache: { driver: shell }
                  my-db: { driver: shell }
                  named: { driver: shell, prefix: Custom_1 }
                """);
        assertEquals(List.of("CACHE", "MY_DB", "Custom_1"), stack.daemons().stream().map(StackEntry::prefix).toList());
    }

    @Test
    void yamlNumbersAndBooleansBecomeText() {
        StackEntry entry = parse("""
                daemons:
                  a:
                    driver: shell
                    options: { script: 1.10, ready: true, port: " 42", unprivileged: FALSE }
                """).entry("a").orElseThrow();
        assertEquals(Map.of("script", "1.10", "ready", "true", "port", "42", "unprivileged", "false"), entry.options());
    }

    @Test
    void typedOptionsAcceptReferencesUnchecked() {
        StackEntry entry = parse("""
                daemons:
                  a: { driver: shell }
                  b: { driver: shell, options: { port: "${a.PORT}" } }
                """).entry("b").orElseThrow();
        assertEquals("${a.PORT}", entry.options().get("port"));
    }

    @Test
    void entryIsEmptyForAnUnknownName() {
        assertTrue(parse(STACK).entry("nope").isEmpty());
    }

    @Test
    void dependenciesAreTheDaemonsReferencedInOrder() {
        StackDefinition stack = parse(STACK);
        assertEquals(List.of("db-main", "cache"), List.copyOf(stack.entry("app").orElseThrow().dependencies()));
        assertEquals(Set.of(), stack.entry("cache").orElseThrow().dependencies());
    }

    @Test
    void topologicalOrderPutsDependenciesFirstAndKeepsFileOrderOtherwise() {
        StackDefinition stack = parse("""
                daemons:
                  app: { driver: shell, options: { script: "${db.URL} ${cache.URL}" } }
                  web: { driver: shell, options: { script: "${app.URL}" } }
                  db: { driver: shell }
                  cache: { driver: shell }
                  other: { driver: shell }
                """);
        assertEquals(List.of("db", "cache", "app", "web", "other"),
                stack.topologicalOrder().stream().map(StackEntry::name).toList());
    }

    @Test
    void topologicalOrderIsFileOrderWithoutReferences() {
        assertEquals(List.of("cache", "db-main", "app"),
                parse(STACK).topologicalOrder().stream().map(StackEntry::name).toList());
    }

    // Resolving references

    private static Map<String, Map<String, String>> exported() {
        Map<String, Map<String, String>> exported = new LinkedHashMap<>();
        exported.put("cache", Map.of("CACHE_PORT", "11211", "CACHE_FIRST", "prefixed", "FIRST", "raw"));
        exported.put("db-main", Map.of("DB_URL", "postgresql://localhost/x", "PGHOST", "/tmp/pg"));
        return exported;
    }

    @Test
    void resolvedOptionsReplacesReferencesWithThePrefixedVariableAndDollarDollarWithDollar() {
        StackDefinition stack = parse(STACK);
        Map<String, String> options = stack.entry("app").orElseThrow().resolvedOptions(stack, exported()::get);
        assertEquals("echo postgresql://localhost/x 11211; echo cost $5 and $HOME", options.get("script"));
    }

    @Test
    void resolvedOptionsPrefersTheVariableAsWrittenOverThePrefixedOne() {
        StackDefinition stack = parse(STACK);
        Map<String, String> options = stack.entry("app").orElseThrow().resolvedOptions(stack, exported()::get);
        assertEquals("echo raw /tmp/pg", options.get("setup"));
        assertEquals(List.of("script", "setup"), List.copyOf(options.keySet()));
    }

    @Test
    void resolvedOptionsOfAnEntryWithoutReferencesAreItsOptions() {
        StackDefinition stack = parse(STACK);
        StackEntry db = stack.entry("db-main").orElseThrow();
        assertEquals(db.options(), db.resolvedOptions(stack, name -> Map.of()));
    }

    @Test
    void anUnknownVariableNamesFileLineAndKey() {
        StackDefinition stack = parse(STACK);
        Map<String, Map<String, String>> exported = exported();
        exported.put("db-main", Map.of("PGHOST", "/tmp/pg"));
        StackFileException e = assertThrows(StackFileException.class,
                () -> stack.entry("app").orElseThrow().resolvedOptions(stack, exported::get));
        assertEquals("stack.yaml:7: daemons.app.options.script: ${db-main.URL}: daemon db-main exports no variable"
                + " URL or DB_URL; it exports PGHOST", e.getMessage());
        assertEquals(NAME, e.file());
        assertEquals(7, e.line());
        assertEquals("daemons.app.options.script", e.key());
    }

    @Test
    void resolvingBeforeADependencyStartedIsAProgrammingError() {
        StackDefinition stack = parse(STACK);
        assertThrows(IllegalStateException.class,
                () -> stack.entry("app").orElseThrow().resolvedOptions(stack, name -> null));
    }

    // The file itself

    @Test
    void readsAFileAndNamesItInMessages() throws Exception {
        Path file = Files.writeString(dir.resolve("pifpaf.yaml"), "daemons:\n  a: { driver: shel }\n");
        StackFileException e = assertThrows(StackFileException.class, () -> StackFiles.parse(file, REGISTRY));
        assertEquals(file + ":2: daemons.a.driver: unknown driver 'shel'; did you mean 'shell'?", e.getMessage());
        Files.writeString(file, STACK);
        assertEquals(3, StackFiles.parse(file, REGISTRY).daemons().size());
    }

    @Test
    void aMissingFileIsReportedAtLineZero() {
        Path file = dir.resolve("absent.yaml");
        StackFileException e = assertThrows(StackFileException.class, () -> StackFiles.parse(file, REGISTRY));
        assertEquals(file + ":0: no such file", e.getMessage());
        assertEquals(0, e.line());
        assertEquals("", e.key());
    }

    @Test
    void anUnreadableFileIsReportedAtLineZero() throws Exception {
        Path file = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        StackFileException e = assertThrows(StackFileException.class, () -> StackFiles.parse(file, REGISTRY));
        assertEquals(file + ":0: cannot read: not UTF-8 text", e.getMessage());
        e = assertThrows(StackFileException.class, () -> StackFiles.parse(dir, REGISTRY));
        assertTrue(e.getMessage().startsWith(dir + ":0: cannot read: "), e.getMessage());
    }

    @Test
    void textThatIsNotYamlIsReportedAtTheParsersLine() {
        assertFails("stack.yaml:3: daemons.a: mapping values are not allowed here", """
                daemons:
                  a: shell
                    driver: shell
                """);
        assertFails("stack.yaml:2: daemons.a.options: while parsing a flow sequence:"
                + " expected ',' or ']', but got <stream end>", """
                daemons:
                  a: { driver: shell, options: [1, 2
                """);
    }

    @Test
    void anEmptyFileIsRejected() {
        assertFails("stack.yaml:1: the file is empty; it needs a 'daemons' mapping", "# nothing\n");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertFails("stack.yaml:1: the top level must be a mapping with a 'daemons' key, not a list", "- a\n- b\n");
    }

    @Test
    void unknownTopLevelKeysAreRejected() {
        assertFails("stack.yaml:3: version: unknown key; the only top-level key is 'daemons'", """
                daemons:
                  a: { driver: shell }
                version: 2
                """);
        assertFails("stack.yaml:1: deamons: unknown key; did you mean 'daemons'?", "deamons: {}\n");
    }

    @Test
    void daemonsMustBePresentANonEmptyMapping() {
        assertFails("stack.yaml:1: daemons: missing; list the daemons to start under 'daemons:'", "{}\n");
        assertFails("stack.yaml:1: daemons: must be a mapping from daemon names to daemons, not a list",
                "daemons:\n  - a\n");
        assertFails("stack.yaml:1: daemons: must be a mapping from daemon names to daemons, not null", "daemons:\n");
        assertFails("stack.yaml:1: daemons: is empty; name at least one daemon", "daemons: {}\n");
    }

    @Test
    void aDaemonEntryMustBeAMapping() {
        assertFails("stack.yaml:2: daemons.a: must be a mapping with at least a driver, not a string",
                "daemons:\n  a: shell\n");
    }

    @Test
    void daemonNamesMustMakeValidPrefixesAndReferences() {
        assertFails("stack.yaml:2: daemons.1db: a daemon name is letters, digits, '-' and '_', starting with a"
                + " letter or '_'", "daemons:\n  1db: { driver: shell }\n");
    }

    @Test
    void unknownKeysInAnEntryAreRejected() {
        assertFails("stack.yaml:4: daemons.a.option: unknown key; did you mean 'options'?", """
                daemons:
                  a:
                    driver: shell
                    option: {}
                """);
        assertFails("stack.yaml:2: daemons.a.colour: unknown key; a daemon has driver, options and prefix",
                "daemons:\n  a: { driver: shell, colour: red }\n");
    }

    @Test
    void theDriverMustBeGivenAsAString() {
        assertFails("stack.yaml:2: daemons.a.driver: missing; name the driver that starts this daemon",
                "daemons:\n  a: { prefix: A }\n");
        assertFails("stack.yaml:2: daemons.a.driver: must be a driver name, not a list",
                "daemons:\n  a: { driver: [shell] }\n");
        assertFails("stack.yaml:2: daemons.a.driver: must be a driver name, not a number",
                "daemons:\n  a: { driver: 5 }\n");
    }

    @Test
    void anUnknownDriverIsRejectedWithASuggestion() {
        assertFails("stack.yaml:3: daemons.a.driver: unknown driver 'shel'; did you mean 'shell'?",
                "daemons:\n  a:\n    driver: shel\n");
        assertFails("stack.yaml:2: daemons.a.driver: unknown driver 'zzzzzzzz'; 'pifpaf list-drivers' lists the"
                + " drivers", "daemons:\n  a: { driver: zzzzzzzz }\n");
    }

    @Test
    void optionsMustBeAMapping() {
        assertFails("stack.yaml:4: daemons.a.options: must be a mapping from option names to values, not a list", """
                daemons:
                  a:
                    driver: shell
                    options: [script]
                """);
    }

    @Test
    void anOptionValueMustBeASingleNonNullValue() {
        assertFails("stack.yaml:2: daemons.a.options.script: must be a single value, not a list",
                "daemons:\n  a: { driver: shell, options: { script: [a, b] } }\n");
        assertFails("stack.yaml:2: daemons.a.options.script: must be a single value, not a mapping",
                "daemons:\n  a: { driver: shell, options: { script: { a: b } } }\n");
        assertFails("stack.yaml:2: daemons.a.options.script: needs a value; write \"\" for empty text",
                "daemons:\n  a: { driver: shell, options: { script: ~ } }\n");
        assertFails("stack.yaml:5: daemons.a.options.setup: needs a value; write \"\" for empty text", """
                daemons:
                  a:
                    driver: shell
                    options:
                      setup: null
                """);
    }

    @Test
    void anOptionTheDriverDoesNotDeclareIsRejected() {
        assertFails("stack.yaml:2: daemons.a.options.colour: driver shell has no option 'colour'; its options are"
                + " script, ready, setup, unprivileged, port, peer, tag, template",
                "daemons:\n  a: { driver: shell, options: { colour: red } }\n");
        assertFails("stack.yaml:2: daemons.a.options.scrpit: driver shell has no option 'scrpit'; did you mean"
                + " 'script'?", "daemons:\n  a: { driver: shell, options: { scrpit: x } }\n");
    }

    @Test
    void aLiteralValueOfTheWrongTypeIsRejectedAsOptionValuesWould() {
        assertFails("stack.yaml:2: daemons.a.options.port: 'abc' is not a whole number",
                "daemons:\n  a: { driver: shell, options: { port: abc } }\n");
        assertFails("stack.yaml:2: daemons.a.options.port: '1.5' is not a whole number",
                "daemons:\n  a: { driver: shell, options: { port: 1.5 } }\n");
        assertFails("stack.yaml:2: daemons.a.options.unprivileged: 'maybe' is not true or false",
                "daemons:\n  a: { driver: shell, options: { unprivileged: maybe } }\n");
        assertFails("stack.yaml:2: daemons.a.options.port: '$5' is not a whole number",
                "daemons:\n  a: { driver: shell, options: { port: $$5 } }\n");
    }

    @Test
    void aPrefixMustBeAVariableName() {
        assertFails("stack.yaml:2: daemons.a.prefix: '9A' is not a variable name: letters, digits and '_', not"
                + " starting with a digit", "daemons:\n  a: { driver: shell, prefix: 9A }\n");
        assertFails("stack.yaml:2: daemons.a.prefix: 'MY-DB' is not a variable name: letters, digits and '_', not"
                + " starting with a digit", "daemons:\n  a: { driver: shell, prefix: MY-DB }\n");
        assertFails("stack.yaml:2: daemons.a.prefix: must be a variable name, not a number",
                "daemons:\n  a: { driver: shell, prefix: 12 }\n");
    }

    @Test
    void twoDaemonsCannotShareAPrefix() {
        assertFails("stack.yaml:3: daemons.b.prefix: prefix X is also the prefix of daemon a; give one of them"
                + " another prefix", """
                daemons:
                  a: { driver: shell, prefix: X }
                  b: { driver: shell, prefix: X }
                """);
        assertFails("stack.yaml:3: daemons.my_db: the default prefix MY_DB is also the prefix of daemon my-db; give"
                + " one of them another prefix", """
                daemons:
                  my-db: { driver: shell }
                  my_db: { driver: shell }
                """);
    }

    @Test
    void duplicateKeysAreRejectedAnywhere() {
        assertFails("stack.yaml:3: daemons.a: duplicate key; first given on line 2", """
                daemons:
                  a: { driver: shell }
                  a: { driver: shell }
                """);
        assertFails("stack.yaml:3: daemons: duplicate key; first given on line 1", """
                daemons: {}
                # again
                daemons: { a: { driver: shell } }
                """);
        assertFails("stack.yaml:6: daemons.a.options.port: duplicate key; first given on line 5", """
                daemons:
                  a:
                    driver: shell
                    options:
                      port: 1
                      port: 2
                """);
    }

    @Test
    void aReferenceMustNameAnotherDaemonOfTheStack() {
        assertFails("stack.yaml:3: daemons.b.options.script: ${nope.URL} refers to unknown daemon 'nope'; the other"
                + " daemons are a", """
                daemons:
                  a: { driver: shell }
                  b: { driver: shell, options: { script: "echo ${nope.URL}" } }
                """);
        assertFails("stack.yaml:3: daemons.b.options.script: ${aa.URL} refers to unknown daemon 'aa'; did you mean"
                + " 'a'?", """
                daemons:
                  a: { driver: shell }
                  b: { driver: shell, options: { script: "echo ${aa.URL}" } }
                """);
        assertFails("stack.yaml:2: daemons.a.options.script: ${a.URL} refers to this daemon itself",
                "daemons:\n  a: { driver: shell, options: { script: \"${a.URL}\" } }\n");
    }

    @Test
    void malformedReferencesAreRejected() {
        for (String bad : List.of("${b}", "${.A}", "${b.}", "${b.1A}", "${b.A.B}")) {
            assertFails("stack.yaml:3: daemons.a.options.script: malformed reference '" + bad
                    + "'; write ${daemon.VARIABLE}, e.g. ${db.URL}, and $$ for a literal $",
                    "daemons:\n  b: { driver: shell }\n  a: { driver: shell, options: { script: \"x " + bad + "\" } }\n");
        }
        assertFails("stack.yaml:2: daemons.a.options.script: unclosed '${' in 'echo ${b.URL'; write $$ for a"
                + " literal $", "daemons:\n  a: { driver: shell, options: { script: \"echo ${b.URL\" } }\n");
    }

    @Test
    void aDependencyCycleIsRejectedAndNamed() {
        assertFails("stack.yaml:2: daemons.a: dependency cycle a -> b -> a", """
                daemons:
                  a: { driver: shell, options: { script: "${b.URL}" } }
                  b: { driver: shell, options: { script: "${a.URL}" } }
                """);
        assertFails("stack.yaml:3: daemons.b: dependency cycle b -> c -> b", """
                daemons:
                  a: { driver: shell, options: { script: "${b.URL}" } }
                  b: { driver: shell, options: { script: "${c.URL}" } }
                  c: { driver: shell, options: { setup: "${b.URL}", script: "${a.URL}" } }
                """);
    }

    @Test
    void aliasesAndSecondDocumentsAreRejected() {
        assertFails("stack.yaml:3: daemons.b: aliases (*x) are not supported; write the value out", """
                daemons:
                  a: &x { driver: shell }
                  b: *x
                """);
        assertFails("stack.yaml:4: a second YAML document; a stack file holds one", """
                daemons:
                  a: { driver: shell }
                ---
                daemons: {}
                """);
    }
}
