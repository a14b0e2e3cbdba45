package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Signal;

/** The reaper sends the signals Java cannot: to a process group, and other than TERM and KILL. */
class ReaperSignalsTest {

    @Test
    void itKillsAGroupWhoseLeaderIsGone() throws Exception {
        try (OrphanedGroup group = OrphanedGroup.start()) {
            assertTrue(Reaper.signal(Signal.KILL, "-" + group.pgid()));
            assertTrue(group.orphanGone());
        }
    }

    @Test
    void itSendsOtherSignalsToOneProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "100000").start();
        try {
            // HUP: INT and QUIT may be ignored by whatever started this JVM, and ignored they stay.
            Signals.send(sleeper.pid(), Signal.HUP);
            assertTrue(sleeper.waitFor(30, TimeUnit.SECONDS));
            assertEquals(128 + Signal.HUP.number(), sleeper.exitValue(), "died of SIGHUP");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aTargetThatIsGoneIsNoError() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertTrue(Reaper.signal(Signal.HUP, Long.toString(done.pid())));
        assertTrue(Reaper.signal(Signal.KILL, "-" + done.pid()));
        // And the reaper still answers afterwards.
        Process sleeper = new ProcessBuilder("sleep", "100000").start();
        try {
            assertTrue(Reaper.signal(Signal.TERM, Long.toString(sleeper.pid())));
            assertTrue(sleeper.waitFor(30, TimeUnit.SECONDS));
            assertEquals(128 + Signal.TERM.number(), sleeper.exitValue());
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
