package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.commandline.ProcessControl;

/** The start/stop life cycle, driven by shell scripts standing in for daemons. */
class DaemonStarterTest {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));

    @TempDir
    Path tmp;

    private StartRequest.Builder shell(String script) {
        return StartRequest.builder("shell").tmpDir(tmp).option("script", script);
    }

    private List<Path> tmpEntries() throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.toList();
        }
    }

    @Test
    void startsExportsInOrderAndCleansUp() throws Exception {
        RunningDaemon daemon = STARTER.start(shell("echo ready; exec sleep 1000").build());
        DaemonProcess process = daemon.processes().get(0);
        assertTrue(process.isAlive());
        assertTrue(daemon.dataDir().getFileName().toString().startsWith("pifpaf-shell-"));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(daemon.dataDir())));
        assertEquals(List.of("PIFPAF_DATA", "PIFPAF_FIRST", "RAW_SHELL_VAR", "PIFPAF_PORT", "PIFPAF_URL"),
                List.copyOf(daemon.environment().keySet()));
        assertEquals("shell://" + daemon.dataDir(), daemon.url());
        assertTrue(Integer.parseInt(daemon.environment().get("PIFPAF_PORT")) > 0);
        daemon.close();
        assertFalse(process.isAlive());
        assertEquals(List.of(), tmpEntries());
        daemon.close(); // a second close does nothing
    }

    @Test
    void aRequestsBinaryDirectoryIsSearchedBeforePath() throws Exception {
        Path standIns = Files.createDirectory(tmp.resolve("stand-ins"));
        Path sh = standIns.resolve("sh");
        Files.writeString(sh, "#!/bin/sh\necho \"stand-in given $*\"\necho ready\nexec sleep 1000\n");
        Files.setPosixFilePermissions(sh, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        StartRequest request = shell("exit 7").binaryDirectory(tmp.resolve("absent")).binaryDirectory(standIns).build();
        try (RunningDaemon daemon = STARTER.start(request)) {
            assertTrue(Files.readString(daemon.logFile()).contains("stand-in given -c exit 7"),
                    Files.readString(daemon.logFile()));
        }
        // toBuilder keeps every setting, the directories included.
        StartRequest copy = request.toBuilder().option("ready", "x").build();
        assertEquals(List.of(tmp.resolve("absent"), standIns), copy.binaryDirectories());
        assertEquals(tmp, copy.tmpDir());
        assertEquals("exit 7", copy.options().get("script"));
        assertEquals("x", copy.options().get("ready"));
        assertEquals(List.of(), StartRequest.builder("shell").build().binaryDirectories());
    }

    @Test
    void processesSeeTheVariablesExportedBeforeThem() throws Exception {
        try (RunningDaemon daemon = STARTER.start(shell("echo \"ready $PIFPAF_FIRST $RAW_SHELL_VAR\"; exec sleep 1000")
                .option("ready", "^ready 1 raw$").build())) {
            assertTrue(Files.readString(daemon.logFile()).contains("ready 1 raw"));
        }
    }

    @Test
    void aDaemonExitingDuringStartUpFailsFastWithItsOutput() throws Exception {
        long started = System.nanoTime();
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(shell("echo something broke; exit 3").build()));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "did not fail fast");
        assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
        assertEquals(StartFailedException.Reason.DAEMON_FAILED, e.reason());
        assertEquals(List.of("something broke"), e.logTail());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aDaemonNeverReadyIsKilledAtTheTimeout() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(
                shell("echo waiting; trap '' TERM; while :; do sleep 1; done").timeout(Duration.ofSeconds(1)).build()));
        assertTrue(e.getMessage().contains("not ready after 1s"), e.getMessage());
        assertEquals(StartFailedException.Reason.TIMEOUT, e.reason());
        assertEquals(List.of("waiting"), e.logTail());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aTakenPortFailsTheStartAtOnce() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(
                    shell("echo ready; exec sleep 1000").option("port", Integer.toString(taken.getLocalPort())).build()));
            assertEquals(StartFailedException.Reason.PORT_IN_USE, e.reason());
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " (--port) is already in use"), e.getMessage());
        }
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aMissingTmpdirIsItsOwnReason() {
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(shell("x").tmpDir(tmp.resolve("missing")).build()));
        assertEquals(StartFailedException.Reason.DATA_DIRECTORY, e.reason());
    }

    @Test
    void aFailingSetupCommandStopsTheStart() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(
                shell("echo ready; exec sleep 1000").option("setup", "echo no space left; exit 1").build()));
        assertTrue(e.getMessage().contains("exited with status 1"), e.getMessage());
        assertEquals(List.of("no space left"), e.logTail());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void processesLaunchedTogetherAreStoppedTogether() throws Exception {
        // Each stops cleanly only once the other was asked to stop too: stopped one after the
        // other, the first would wait out its grace period and be killed.
        Path out = Files.createTempDirectory("pifpaf-stop-together");
        try {
            String script = "trap 'touch stopping-%1$s; while [ ! -e stopping-%2$s ]; do sleep 0.05; done;"
                    + " touch " + out + "/%1$s-clean; exit 0' TERM; echo ready; while :; do sleep 0.1; done";
            RunningDaemon daemon = STARTER.start(shell(String.format(script, "first", "peer"))
                    .option("peer", String.format(script, "peer", "first")).build());
            daemon.close();
            try (var clean = Files.list(out)) {
                assertEquals(List.of("first-clean", "peer-clean"),
                        clean.map(p -> p.getFileName().toString()).sorted().toList());
            }
            assertEquals(List.of(), tmpEntries());
        } finally {
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(out);
        }
    }

    @Test
    void processesLaunchedTogetherAllRunBeforeAnyIsWaitedFor() throws Exception {
        // Each gets ready only once the other has run: launched one after the other, the first
        // would never be ready.
        String first = "touch first; while [ ! -e peer ]; do sleep 0.05; done; echo ready; exec sleep 1000";
        String peer = "touch peer; while [ ! -e first ]; do sleep 0.05; done; echo ready; exec sleep 1000";
        RunningDaemon daemon = STARTER.start(shell(first).option("peer", peer).build());
        List<DaemonProcess> processes = daemon.processes();
        assertEquals(List.of("sh", "peer"), processes.stream().map(DaemonProcess::label).toList());
        assertTrue(processes.stream().allMatch(DaemonProcess::isAlive));
        assertEquals(List.of("ready"), Files.readAllLines(daemon.process("peer").logFile()));
        daemon.close();
        assertTrue(processes.stream().noneMatch(DaemonProcess::isAlive));
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aProcessExitingWhileAnotherLaunchedWithItIsWaitedForFailsTheStartWithItsOutput() throws Exception {
        // The first never gets ready: only the peer's exit can end the wait before the timeout.
        String marker = "sleep " + (100_000 + new java.util.Random().nextInt(800_000));
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(
                shell("echo started; exec " + marker).option("peer", "echo peer broke; exit 4").build()));
        assertTrue(e.getMessage().contains("peer exited with status 4 while sh was starting"), e.getMessage());
        assertEquals(StartFailedException.Reason.DAEMON_FAILED, e.reason());
        assertEquals(List.of("peer broke"), e.logTail());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").endsWith(marker)),
                "the first process was left running");
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aProcessIgnoringItsStopSignalIsKilledAfterTheGracePeriod() throws Exception {
        RunningDaemon daemon = STARTER.start(shell("trap '' TERM; echo ready; while :; do sleep 1; done").build());
        DaemonProcess process = daemon.processes().get(0);
        daemon.close();
        assertFalse(process.isAlive());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void childrenOfTheDaemonAreStoppedToo() throws Exception {
        RunningDaemon daemon = STARTER.start(shell("sleep 1000 & echo \"child $!\"; echo ready; wait").build());
        long child = Long.parseLong(Files.readString(daemon.logFile()).lines()
                .filter(l -> l.startsWith("child ")).findFirst().orElseThrow().substring(6));
        daemon.close();
        assertFalse(ProcessControl.isRunning(child), "child survived");
    }

    @Test
    void aKilledProcessCanBeStartedAgain() throws Exception {
        try (RunningDaemon daemon = STARTER.start(shell("echo ready; exec sleep 1000").build())) {
            DaemonProcess process = daemon.process("sh");
            long firstPid = process.pid();
            process.kill();
            assertFalse(process.isAlive());
            process.start();
            assertTrue(process.isAlive());
            assertTrue(process.pid() != firstPid);
            assertEquals(2, Files.readAllLines(process.logFile()).stream().filter("ready"::equals).count());
            process.start(); // already running: nothing happens
            assertEquals(process.pid(), daemon.processes().get(0).pid());
        }
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void keepDataKeepsTheDirectory() throws Exception {
        RunningDaemon daemon = STARTER.start(shell("echo ready; exec sleep 1000").keepData(true).build());
        daemon.close();
        assertTrue(Files.isRegularFile(daemon.logFile()));
    }

    @Test
    void anInterruptDuringStartUpStopsWhatWasStarted() throws Exception {
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
        assertThrows(StartFailedException.class, () -> STARTER.start(shell("echo started; exec sleep 1000").build()));
        assertTrue(Thread.interrupted(), "the interrupt flag must stay set");
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void aDriverBuiltForAnotherApiIsReportedAsSuch() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(StartRequest.builder("mismatch").tmpDir(tmp).build()));
        assertTrue(e.getMessage().contains("does not match this pifpaf's API"), e.getMessage());
        assertTrue(e.getMessage().contains("removedLongAgo"), e.getMessage());
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void unknownDriverSuggestsTheClosestName() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> STARTER.start(StartRequest.builder("shel").tmpDir(tmp).build()));
        assertTrue(e.getMessage().contains("did you mean 'shell'"), e.getMessage());
    }

    @Test
    void aDriverFoundAlreadyIsStartedWithoutAnotherLookUp() throws Exception {
        ShellDriver shell = new ShellDriver();
        DaemonDriver unlisted = new DaemonDriver() { // a name the registry does not know
            @Override
            public String name() {
                return "unlisted";
            }

            @Override
            public List<DriverOption> options() {
                return shell.options();
            }

            @Override
            public void start(DriverContext context) {
                shell.start(context);
            }
        };
        try (RunningDaemon daemon = STARTER.start(unlisted, StartRequest.builder("unlisted").tmpDir(tmp).build())) {
            assertTrue(daemon.dataDir().getFileName().toString().startsWith("pifpaf-unlisted-"));
        }
        assertEquals(List.of(), tmpEntries());
        assertThrows(IllegalArgumentException.class, () -> STARTER.start(shell, StartRequest.builder("other").build()));
    }

    @Test
    void optionsAreCheckedAgainstTheDriversDeclarations() {
        assertThrows(InvalidRequestException.class,
                () -> STARTER.start(shell("x").option("colour", "red").build()));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> STARTER.start(shell("x").option("port", "eighty").build()));
        assertTrue(e.getMessage().contains("eighty"), e.getMessage());
        assertThrows(InvalidRequestException.class,
                () -> STARTER.start(shell("x").option("unprivileged", "maybe").build()));
    }

    @Test
    void asRootAnUnprivilegedCommandRunsAsTheRunAsUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RunningDaemon daemon = STARTER.start(shell("echo \"ready $(id -un)\"; exec sleep 1000")
                .option("unprivileged", "true").option("ready", "^ready").build())) {
            assertTrue(Files.readString(daemon.logFile()).contains("ready nobody"), Files.readString(daemon.logFile()));
            assertEquals(Integer.valueOf(65534), Files.getAttribute(daemon.dataDir(), "unix:uid"));
        }
        assertEquals(List.of(), tmpEntries());
    }

    @Test
    void dataOnMemoryPutsTheDataDirectoryOnATmpfs() throws Exception {
        Path memory = Path.of("/dev/shm");
        assumeTrue(Files.isWritable(memory) && Files.getFileStore(memory).type().equals("tmpfs")
                && Files.getFileStore(memory).getUsableSpace() >= MemoryDirectory.MIN_FREE, "no tmpfs /dev/shm with room");
        // Memory when room is for the temporary directory: not for one set for data.
        StartRequest whenRoom = StartRequest.builder("shell").dataOnMemory(DataOnMemory.WHEN_ROOM).build();
        assertEquals(DataOnMemory.WHEN_ROOM, whenRoom.dataOnMemory());
        assertEquals("tmpfs", Files.getFileStore(whenRoom.tmpDir()).type());
        assertEquals(tmp, shell("x").dataOnMemory(DataOnMemory.WHEN_ROOM).build().tmpDir());
        StartRequest request = shell("echo ready; exec sleep 1000").dataOnMemory(true).build();
        RunningDaemon daemon = STARTER.start(request);
        try {
            assertEquals("tmpfs", Files.getFileStore(daemon.dataDir()).type());
            assertEquals(request.tmpDir(), daemon.dataDir().getParent());
        } finally {
            daemon.close();
        }
        assertFalse(Files.exists(daemon.dataDir()));
    }

    @Test
    void aMissingRunAsUserIsReported() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(shell("x").runAs("no-such-user-here").build()));
        assertTrue(e.getMessage().contains("no-such-user-here"), e.getMessage());
    }

}
