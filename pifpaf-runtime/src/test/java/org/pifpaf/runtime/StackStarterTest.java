package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;

/** Stacks of shell-script daemons: references, parallel starts, and clean failure. */
class StackStarterTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());
    private static final StackStarter STARTER = new StackStarter(new DaemonStarter(REGISTRY));

    @TempDir
    Path tmp;

    private RunningStack start(String yaml) {
        StackDefinition stack = StackFiles.parse(yaml, Path.of("stack.yaml"), REGISTRY);
        return STARTER.start(stack, request -> request.tmpDir(tmp));
    }

    private List<Path> tmpEntries() throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.toList();
        }
    }

    @Test
    void startsEveryDaemonWithItsPrefixAndResolvesReferences() throws Exception {
        try (RunningStack stack = start("""
                daemons:
                  db: { driver: shell }
                  app:
                    driver: shell
                    prefix: APP
                    options:
                      script: 'echo "ready $DB_URL_SEEN"; exec sleep 1000'
                      ready: '^ready shell://'
                      setup: 'echo ${db.URL} > /dev/null'
                """.replace("$DB_URL_SEEN", "${db.URL}"))) {
            assertEquals(List.of("db", "app"), List.copyOf(stack.daemons().keySet()));
            RunningDaemon db = stack.daemon("db");
            RunningDaemon app = stack.daemon("app");
            assertTrue(db.environment().containsKey("DB_URL"));
            assertTrue(app.environment().containsKey("APP_URL"));
            assertTrue(Files.readString(app.logFile()).contains("ready " + db.url()), "app saw db's URL");
            assertTrue(Integer.parseInt(db.environment().get("DB_PORT")) > 0, "ports default to free ones");
            assertTrue(stack.environment().keySet().containsAll(List.of("DB_URL", "APP_URL", "RAW_SHELL_VAR")));
        }
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void independentDaemonsStartAtTheSameTime() throws Exception {
        // Each waits (up to 10 s) for the other's marker file: started one after the other, the
        // first would never be ready.
        String yaml = """
                daemons:
                  left:  { driver: shell, options: { script: 'touch %1$s/left; while [ ! -e %1$s/right ]; do sleep 0.01; done; echo ready; exec sleep 1000' } }
                  right: { driver: shell, options: { script: 'touch %1$s/right; while [ ! -e %1$s/left ]; do sleep 0.01; done; echo ready; exec sleep 1000' } }
                """.formatted(Files.createDirectory(tmp.resolve("markers")));
        try (RunningStack stack = start(yaml)) {
            assertEquals(2, stack.daemons().size());
        }
    }

    @Test
    void aFailingDaemonStopsTheOthersAndIsNamed() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class, () -> start("""
                daemons:
                  good: { driver: shell }
                  bad: { driver: shell, options: { script: 'echo broken; exit 4' } }
                  after: { driver: shell, options: { setup: 'echo ${bad.URL}' } }
                """));
        assertTrue(e.getMessage().startsWith("bad: shell: "), e.getMessage());
        assertTrue(e.getMessage().contains("exited with status 4"), e.getMessage());
        assertEquals(List.of("broken"), e.logTail());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aBadResolvedValueNamesTheDaemon() throws Exception {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> start("""
                daemons:
                  db: { driver: shell }
                  app: { driver: shell, options: { port: '${db.URL}' } }
                """));
        assertTrue(e.getMessage().startsWith("app (line 3): "), e.getMessage());
        assertTrue(e.getMessage().contains("not a whole number"), e.getMessage());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void closeStopsEveryDaemon() throws Exception {
        RunningStack stack = start("""
                daemons:
                  app: { driver: shell, options: { setup: 'true ${db.URL}' } }
                  db: { driver: shell }
                """);
        RunningDaemon db = stack.daemon("db");
        RunningDaemon app = stack.daemon("app");
        stack.close();
        assertFalse(db.processes().get(0).isAlive());
        assertFalse(app.processes().get(0).isAlive());
        assertEquals(List.of(), tmpEntries());
    }
}
