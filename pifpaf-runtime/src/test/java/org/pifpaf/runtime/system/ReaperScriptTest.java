package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * reaper.sh itself, run by the system's {@code /bin/sh} (dash on Debian): when its owner's pipe
 * closes, it kills the process groups still recorded (and removes what they mapped from
 * {@code /dev/shm}), and leaves withdrawn ones alone.
 */
class ReaperScriptTest {

    @Test
    void anOwnerGoneWithAGroupRecordedHasTheGroupKilled() throws Exception {
        try (OrphanedGroup recorded = OrphanedGroup.start(); OrphanedGroup withdrawn = OrphanedGroup.start()) {
            Process reaper = startScript();
            try (OutputStream owner = reaper.getOutputStream()) {
                owner.write(("+g " + recorded.pgid() + "\n+g " + withdrawn.pgid() + "\n-g " + withdrawn.pgid() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } // the owner "dies": its end of the pipe closes
            assertTrue(reaper.waitFor(30, TimeUnit.SECONDS));
            assertTrue(recorded.orphanGone(), "the recorded group's orphan is killed");
            assertTrue(ProcessStatus.isRunning(withdrawn.orphan()), "a withdrawn group is left alone");
        }
    }

    @Test
    void whatAKilledGroupMappedFromDevShmIsRemovedWithIt() throws Exception {
        try (SharedMemoryMapper mapper = SharedMemoryMapper.start(true)) {
            Process reaper = startScript();
            try (OutputStream owner = reaper.getOutputStream()) {
                owner.write(("+g " + mapper.process().pid() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(reaper.waitFor(30, TimeUnit.SECONDS));
            assertTrue(mapper.process().waitFor(10, TimeUnit.SECONDS), "the group is killed");
            assertFalse(Files.exists(mapper.file()), mapper.file() + " is left");
        }
    }

    private static Process startScript() throws Exception {
        try (InputStream script = Reaper.class.getResourceAsStream("reaper.sh")) {
            assertNotNull(script);
            return new ProcessBuilder("/bin/sh", "-c", new String(script.readAllBytes(), StandardCharsets.UTF_8),
                    "pifpaf-reaper").redirectErrorStream(true).start();
        }
    }
}
