package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.ProcessFailedException;

/**
 * A failed process's log, as {@link ProcessFailedException#logFile()} hands it to the driver
 * (to tell a known cause from the output, as the httpbin driver does) and to the caller of a
 * start that keeps its data.
 */
class FailedProcessLogTest {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));

    @TempDir
    Path tmp;

    /** The shell driver, reading the log of a process that failed before it rethrows the failure. */
    private static final class ReadingShell implements DaemonDriver {
        private final ShellDriver shell = new ShellDriver();
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "reading";
        }

        @Override
        public List<DriverOption> options() {
            return shell.options();
        }

        @Override
        public void start(DriverContext context) throws IOException {
            try {
                shell.start(context);
            } catch (ProcessFailedException e) {
                seen.add(e.label());
                seen.add(context.dataDir().relativize(e.logFile()).toString());
                seen.add(Files.readString(e.logFile()));
                throw e;
            }
        }
    }

    @Test
    void theDriverReadsTheOutputOfADaemonThatExitedBeforeItWasReady() {
        ReadingShell driver = new ReadingShell();
        assertThrows(StartFailedException.class, () -> STARTER.start(driver, StartRequest.builder("reading")
                .tmpDir(tmp).option("script", "echo \"No module named 'x'\"; exit 3").build()));
        assertEquals(List.of("sh", "sh.log", "No module named 'x'\n"), driver.seen);
    }

    @Test
    void theDriverReadsTheOutputOfAFailedOneShotCommand() {
        ReadingShell driver = new ReadingShell();
        assertThrows(StartFailedException.class, () -> STARTER.start(driver, StartRequest.builder("reading")
                .tmpDir(tmp).option("setup", "echo disk full >&2; exit 1").build()));
        assertEquals(List.of("setup", "setup.log", "disk full\n"), driver.seen);
    }

    @Test
    void aStartThatKeepsItsDataLeavesTheFailedDaemonsLogWhereTheExceptionSays() throws Exception {
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(
                StartRequest.builder("shell").tmpDir(tmp).keepData(true)
                        .option("script", "echo first words; echo last words; exit 5").build()));
        ProcessFailedException failed = assertInstanceOf(ProcessFailedException.class, e.getCause());
        assertEquals("sh", failed.label());
        assertTrue(failed.logFile().startsWith(tmp), failed.logFile().toString());
        assertEquals("first words\nlast words\n", Files.readString(failed.logFile()));
        assertEquals(List.of("first words", "last words"), e.logTail());
    }
}
