package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.cache.TemplateCache;

/** Daemons that start other drivers' daemons first, through the nested-daemon SPI ({@link NestingDriver}). */
class NestedDaemonsTest {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));
    /** A shell daemon that writes its name to a file when asked to stop, so that the order of stops shows. */
    private static final String STOPS_IN_ORDER = "trap 'echo %s >> %s; exit 0' TERM; echo ready; while :; do sleep 0.05; done";

    @TempDir
    Path tmp;

    private StartRequest.Builder nesting() {
        return StartRequest.builder("nesting").tmpDir(tmp);
    }

    private List<Path> tmpEntries() throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.toList();
        }
    }

    @Test
    void theNestedDaemonsVariablesReachTheOuterOneUnderItsPrefixAndItsOwnWin() throws Exception {
        try (RunningDaemon daemon = STARTER.start(nesting().prefix("OUTER").build())) {
            var env = daemon.environment();
            assertEquals(daemon.dataDir().toString(), env.get("OUTER_DATA"), "the outer data directory wins");
            assertEquals("nesting://" + daemon.dataDir(), env.get("OUTER_URL"), "the outer URL wins");
            assertEquals("outer", env.get("OUTER_OWN"));
            assertEquals("outer raw", env.get("RAW_SHELL_VAR"), "exported by the outer driver first");
            assertEquals("1", env.get("OUTER_FIRST"), "the nested daemon's own variable, under the chosen prefix");
            assertTrue(Integer.parseInt(env.get("OUTER_PORT")) > 0);
            Path inner = daemon.dataDir().resolve("shell");
            assertEquals("shell://" + inner, env.get("OUTER_INNER_URL"));
            assertTrue(Files.isDirectory(inner), "the nested data directory lies inside the outer one");
            assertEquals(List.of(), env.keySet().stream().filter(name -> name.startsWith("PIFPAF_")).toList(),
                    "nothing under the default prefix when another was chosen");
        }
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void theOuterDaemonsProcessesStopBeforeTheNestedOnes() throws Exception {
        Path stops = tmp.resolve("stops");
        RunningDaemon daemon = STARTER.start(nesting()
                .option("inner", STOPS_IN_ORDER.formatted("inner", stops))
                .option("script", STOPS_IN_ORDER.formatted("outer", stops)).build());
        List<DaemonProcess> processes = daemon.processes();
        assertEquals(List.of("outer", "sh"), processes.stream().map(DaemonProcess::label).toList(),
                "its own processes, then the nested daemon's");
        daemon.close();
        assertEquals(List.of("outer", "inner"), Files.readAllLines(stops));
        processes.forEach(process -> assertFalse(process.isAlive(), process.label()));
        Files.delete(stops);
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void severalNestedDaemonsStopNewestFirstAfterTheOuterDaemonsOwnProcesses() throws Exception {
        Path stops = tmp.resolve("stops");
        RunningDaemon daemon = STARTER.start(nesting().option("one-by-one", "true")
                .option("inner", STOPS_IN_ORDER.formatted("first", stops))
                .option("second", STOPS_IN_ORDER.formatted("second", stops))
                .option("script", STOPS_IN_ORDER.formatted("outer", stops)).build());
        List<DaemonProcess> processes = daemon.processes();
        assertEquals(List.of("outer", "sh", "sh"), processes.stream().map(DaemonProcess::label).toList());
        assertTrue(processes.get(1).logFile().startsWith(daemon.dataDir().resolve("shell")), "the first one's, then");
        assertTrue(processes.get(2).logFile().startsWith(daemon.dataDir().resolve("shell-2")), "the second one's");
        daemon.close();
        assertEquals(List.of("outer", "second", "first"), Files.readAllLines(stops));
        processes.forEach(process -> assertFalse(process.isAlive(), process.label()));
        Files.delete(stops);
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aNestedDaemonTakesItsTemplatesFromTheOuterStartsCache(@TempDir Path cache) throws Exception {
        String made;
        try (RunningDaemon daemon = STARTER.start(nesting().cacheDir(cache).option("inner-template", "nested").build())) {
            made = Files.readString(daemon.dataDir().resolve("shell/template/made"));
            assertTrue(made.startsWith("nested "), made);
        }
        try (Stream<Path> entries = Files.list(cache)) {
            List<String> names = entries.map(entry -> entry.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(name -> name.matches("shell-text-[0-9a-f]+")), names.toString());
        }
        try (RunningDaemon again = STARTER.start(nesting().cacheDir(cache).option("inner-template", "nested").build())) {
            assertEquals(made, Files.readString(again.dataDir().resolve("shell/template/made")), "made once, then copied");
        }
        assertTrue(TemplateCache.awaitBackgroundWork(Duration.ofSeconds(30)), "the cache's spare copies made");
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aNestedDaemonThatFailsFailsTheStartNamingItWithItsOutput() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(nesting().option("inner", "echo inner broke; exit 3").build()));
        assertTrue(e.getMessage().startsWith("nesting: shell: sh exited with status 3"), e.getMessage());
        assertEquals(List.of("inner broke"), e.logTail());
        assertEquals(StartFailedException.Reason.DAEMON_FAILED, e.reason());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void theOuterDaemonFailingStopsTheNestedOne() throws Exception {
        Path stops = tmp.resolve("stops");
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(nesting()
                .option("inner", STOPS_IN_ORDER.formatted("inner", stops))
                .option("script", "echo outer broke; exit 4").build()));
        assertTrue(e.getMessage().startsWith("nesting: outer exited with status 4"), e.getMessage());
        assertEquals(List.of("outer broke"), e.logTail());
        assertEquals(List.of("inner"), Files.readAllLines(stops));
        Files.delete(stops);
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void whenOneOfTwoDaemonsStartedTogetherFailsTheOtherIsStoppedAtOnce() throws Exception {
        long started = System.nanoTime();
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(nesting()
                .option("inner", "sleep 30; echo ready; exec sleep 1000")
                .option("second", "echo second broke; exit 5").build()));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "the other start was not abandoned");
        assertTrue(e.getMessage().startsWith("nesting: shell: sh exited with status 5"), e.getMessage());
        assertEquals(List.of("second broke"), e.logTail());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void daemonsStartedTogetherRunAtTheSameTime() throws Exception {
        long started = System.nanoTime();
        try (RunningDaemon daemon = STARTER.start(nesting()
                .option("inner", "sleep 1; echo ready; exec sleep 1000")
                .option("second", "sleep 1; echo ready; exec sleep 1000").build())) {
            assertTrue(Files.isDirectory(daemon.dataDir().resolve("shell-2")), "the second one's directory");
            assertEquals(3, daemon.processes().size());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1900, "started one after the other");
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void ofDaemonsStartedTogetherTheFirstAskedWinsEvenWhenReadyLast() throws Exception {
        try (RunningDaemon daemon = STARTER.start(nesting()
                .option("inner", "sleep 0.5; echo ready; exec sleep 1000")
                .option("second", "echo ready; exec sleep 1000").build())) {
            assertEquals("inner", daemon.environment().get("SHELL_TAG"), "the raw variable both export");
        }
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aNestedDaemonSharesTheOuterStartsDeadline() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(nesting()
                .option("inner", "echo waiting; exec sleep 1000").timeout(Duration.ofSeconds(1)).build()));
        assertEquals(StartFailedException.Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().startsWith("nesting: shell: sh was not ready after 1s"), e.getMessage());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aMissingNestedDriverIsReportedLikeAMissingBinaryWithWhatProvidesIt() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(nesting().option("nest", "absent").build()));
        assertEquals(StartFailedException.Reason.MISSING_BINARY, e.reason());
        assertTrue(e.getMessage().contains("driver 'absent' (which nesting starts) not found; it comes with the jar of"
                + " org.pifpaf:pifpaf-driver-absent (module org.pifpaf.driver.absent)"), e.getMessage());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void startingAnUndeclaredDriverIsADriverBug() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(nesting().option("nest", "mismatch").build()));
        assertTrue(e.getMessage().contains("starts 'mismatch' without declaring it in nestedDrivers()"), e.getMessage());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void anInterruptDuringANestedStartStopsEverything() throws Exception {
        Thread starter = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            starter.interrupt();
        });
        interrupter.start();
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(nesting()
                .option("inner", "echo started; exec sleep 1000").option("second", "echo started; exec sleep 1000").build()));
        assertEquals(StartFailedException.Reason.INTERRUPTED, e.reason());
        assertTrue(Thread.interrupted(), "the interrupt flag must stay set");
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void asRootANestedDaemonRunAsTheUnprivilegedUserReachesOnlyItsOwnDirectory() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RunningDaemon daemon = STARTER.start(nesting().option("inner-unprivileged", "true")
                .option("inner", "touch written && echo \"ready\" && exec sleep 1000").build())) {
            Path inner = daemon.dataDir().resolve("shell");
            assertTrue(Files.exists(inner.resolve("written")));
            assertEquals(Integer.valueOf(65534), Files.getAttribute(inner, "unix:uid"));
            assertEquals("rwx--x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.dataDir())),
                    "the outer directory only lets the user's group through");
            assertEquals(Integer.valueOf(65534), Files.getAttribute(daemon.dataDir(), "unix:gid"));
        }
        assertEquals(List.of(), tmpEntries());
    }
}
