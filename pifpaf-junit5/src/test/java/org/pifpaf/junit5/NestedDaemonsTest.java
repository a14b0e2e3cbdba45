package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.runtime.StartFailedException;

/**
 * A composite driver ({@code nest}, which starts {@code echo} daemons from another jar) through
 * the library and the JUnit extension: the nested daemon's variables under the chosen prefix,
 * and nothing left once the outer daemon is stopped, or when the nested one fails.
 */
class NestedDaemonsTest {

    static final Set<DaemonProcess> PROCESSES = ConcurrentHashMap.newKeySet();
    static final Set<Path> DATA_DIRS = ConcurrentHashMap.newKeySet();

    @Test
    void theLibraryStartsACompositeDaemonUnderTheChosenPrefix() {
        List<DaemonProcess> processes;
        Path dataDir;
        try (Daemon nest = Pifpaf.daemon("nest").option("inner", 2).prefix("OUTER").start()) {
            processes = nest.processes();
            dataDir = nest.dataDir();
            assertEquals("nest://hello", nest.url());
            assertEquals("nest://hello", nest.env("OUTER_URL"), "the outer URL wins");
            assertTrue(nest.env("ECHO_MESSAGE").startsWith("hello "), "the nested echo's own variable");
            assertTrue(nest.env("NEST_INNER_URL").startsWith("echo://hello "));
            assertTrue(nest.log().contains("nest started after hello "), nest.log());
            assertEquals(List.of("nest", "sh", "sh"), processes.stream().map(DaemonProcess::label).toList());
            assertFalse(nest.environment().keySet().stream().anyMatch(name -> name.startsWith("PIFPAF_")),
                    nest.environment().toString());
        }
        processes.forEach(process -> assertFalse(process.isAlive(), process.label()));
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void theLibraryReportsANestedFailureByName() {
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> Pifpaf.daemon("nest").option("fail-inner", true).start().close());
        assertTrue(e.getMessage().startsWith("nest: echo: sh exited with status 3"), e.getMessage());
        assertEquals(List.of("failing: hello 1"), e.logTail());
    }

    @PifpafDaemon(driver = "nest", prefix = "OUTER", options = "message=from a test")
    static class CompositeForTheClass {
        @Test
        void usesIt(Daemon nest) {
            assertEquals("from a test 1", nest.env("OUTER_ECHO_MESSAGE"));
            assertEquals("echo://from a test 1", nest.env("NEST_INNER_URL"));
            PROCESSES.addAll(nest.processes());
            DATA_DIRS.add(nest.dataDir());
        }
    }

    @Test
    void theExtensionStartsACompositeDaemonAndStopsAllOfIt() {
        PROCESSES.clear();
        DATA_DIRS.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(CompositeForTheClass.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(2, PROCESSES.size());
        PROCESSES.forEach(process -> assertFalse(process.isAlive(), process.label()));
        DATA_DIRS.forEach(dir -> assertFalse(Files.exists(dir), dir.toString()));
    }

    @PifpafDaemon(driver = "nest", options = "fail-inner=true")
    static class FailingComposite {
        @Test
        void neverRuns(Daemon nest) {
            PROCESSES.addAll(nest.processes());
        }
    }

    @Test
    void theExtensionFailsTheClassWhenTheNestedDaemonFails() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailingComposite.class)).execute()
                .containerEvents().failed();
        assertEquals(1, events.count());
        String failure = events.stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                .map(Throwable::getMessage).orElse("");
        assertTrue(failure.contains("nest: echo: sh exited with status 3"), failure);
    }
}
