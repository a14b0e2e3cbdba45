package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code driver@version}, read in one place for every front end: the parser itself, the start
 * request that the library and the JUnit extension build, and stack files.
 */
class DaemonSpecTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());

    @Test
    void aDriverAloneAsksForNoVersion() {
        DaemonSpec spec = DaemonSpec.parse("postgresql");
        assertEquals("postgresql", spec.driver());
        assertEquals(Optional.empty(), spec.requestedVersion());
        assertEquals("postgresql", spec.toString());
    }

    @Test
    void majorFullAndQualifiedVersions() {
        assertEquals(new DaemonSpec("postgresql", "16"), DaemonSpec.parse("postgresql@16"));
        assertEquals(new DaemonSpec("postgresql", "16.4.0"), DaemonSpec.parse("postgresql@16.4.0"));
        assertEquals(new DaemonSpec("opensearch", "3.0.0-beta1"), DaemonSpec.parse("opensearch@3.0.0-beta1"));
        assertEquals("postgresql@16.4.0", DaemonSpec.parse("postgresql@16.4.0").toString());
    }

    @Test
    void anEmptyOrWordyVersionIsRefusedWithAnExample() {
        for (String text : List.of("postgresql@", "postgresql@latest", "postgresql@16@17", "postgresql@ 16")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> DaemonSpec.parse(text), text);
            assertTrue(e.getMessage().contains("postgresql@16"), e.getMessage());
        }
    }

    @Test
    void theStartRequestSplitsDriverAndVersion() {
        StartRequest request = StartRequest.builder("shell@1.2").build();
        assertEquals("shell", request.driver());
        assertEquals(Optional.of("1.2"), request.version());
        assertEquals(Optional.empty(), StartRequest.builder("shell").build().version());
        assertThrows(InvalidRequestException.class, () -> StartRequest.builder("shell@x"));
    }

    @Test
    void aStackFileNamesTheVersionInItsDriverKey() {
        StackDefinition stack = StackFiles.parse("daemons:\n  db: { driver: shell@1.2 }\n", Path.of("s.yaml"),
                REGISTRY);
        assertEquals("shell@1.2", stack.daemons().get(0).driver());
        StackFileException bad = assertThrows(StackFileException.class, () -> StackFiles.parse(
                "daemons:\n  db:\n    driver: shell@new\n", Path.of("s.yaml"), REGISTRY));
        assertTrue(bad.getMessage().startsWith("s.yaml:3: daemons.db.driver: "), bad.getMessage());
        StackFileException unknown = assertThrows(StackFileException.class, () -> StackFiles.parse(
                "daemons:\n  db: { driver: shel@16 }\n", Path.of("s.yaml"), REGISTRY));
        assertTrue(unknown.getMessage().contains("unknown driver 'shel'; did you mean 'shell'?"), unknown.getMessage());
    }
}
