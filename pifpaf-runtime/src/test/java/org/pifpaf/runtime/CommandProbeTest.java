package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.RunningDaemon;

/**
 * A readiness command ({@link Ready#commandSucceeds}), polled as Ceph's {@code ceph health} is:
 * tries spaced out rather than back to back, a try that hangs killed so that the next can run,
 * and the whole bounded by the start's deadline.
 */
class CommandProbeTest {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));

    @TempDir
    Path tmp;

    /** A daemon that sleeps, ready when its {@code probe} script exits 0. */
    private static final class Probed implements DaemonDriver {
        @Override
        public String name() {
            return "probed";
        }

        @Override
        public List<DriverOption> options() {
            return List.of(DriverOption.string("probe", "exit 0", "the readiness script"));
        }

        @Override
        public void start(DriverContext context) {
            context.launch(Command.of(context.executable(ShellDriver.SH), "-c", "exec sleep 1000").label("daemon"),
                    Ready.commandSucceeds(Command.of(context.executable(ShellDriver.SH), "-c", context.option("probe"))
                            .label("probe")));
            context.url("probed://");
        }
    }

    @Test
    void triesAreSpacedOutUntilOneSucceeds() throws Exception {
        Path tries = tmp.resolve("tries");
        // Fails nine times, then succeeds: back to back, nine tries of sh take a few milliseconds.
        String probe = "echo x >> " + tries + "; test $(wc -l < " + tries + ") -ge 10";
        long started = System.nanoTime();
        try (RunningDaemon daemon = STARTER.start(new Probed(), request(probe, Duration.ofSeconds(20)))) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(10, Files.readAllLines(tries).size());
            assertTrue(millis >= 9 * 40, "ten tries took only " + millis + " ms");
        }
        assertEquals(List.of("tries"), entries());
    }

    @Test
    void aTryThatHangsIsKilledAndTheNextOneRuns() throws Exception {
        Path tries = tmp.resolve("tries");
        // The first try hangs past the five seconds a try may take; the second succeeds.
        String probe = "echo $$ >> " + tries + "; if [ $(wc -l < " + tries + ") -eq 1 ]; then exec sleep 1000; fi";
        try (RunningDaemon daemon = STARTER.start(new Probed(), request(probe, Duration.ofSeconds(30)))) {
            List<String> pids = Files.readAllLines(tries);
            assertEquals(2, pids.size(), pids.toString());
            assertGone(pids.get(0));
        }
    }

    @Test
    void aProbeThatNeverSucceedsEndsAtTheDeadlineWithNothingLeft() throws Exception {
        Path tries = tmp.resolve("tries");
        String probe = "echo $$ >> " + tries + "; exec sleep 1000";
        StartFailedException e = assertThrows(StartFailedException.class,
                () -> STARTER.start(new Probed(), request(probe, Duration.ofSeconds(2))));
        assertEquals(StartFailedException.Reason.TIMEOUT, e.reason());
        for (String pid : Files.readAllLines(tries)) {
            assertGone(pid);
        }
        assertEquals(List.of("tries"), entries());
    }

    /** The try {@code pid} ends within a second or two of being killed. */
    private static void assertGone(String pid) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "try " + pid + " still runs");
            Thread.sleep(20);
        }
    }

    private StartRequest request(String probe, Duration timeout) {
        return StartRequest.builder("probed").tmpDir(tmp).option("probe", probe).timeout(timeout).build();
    }

    private List<String> entries() throws IOException {
        try (var listing = Files.list(tmp)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
