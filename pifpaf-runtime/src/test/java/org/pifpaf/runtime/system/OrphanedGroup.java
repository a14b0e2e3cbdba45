package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A process group whose leader has exited, leaving a {@code sleep} behind, as a double-forking
 * daemon's child is left: no longer this JVM's descendant, still in the group. Closing it kills
 * the sleep if it is still there.
 *
 * @param pgid   the group (its gone leader's pid)
 * @param orphan the sleep's pid
 */
record OrphanedGroup(long pgid, long orphan) implements AutoCloseable {

    static OrphanedGroup start() throws Exception {
        Process leader = new ProcessBuilder(SystemTools.SETSID.toString(), "sh", "-c",
                "sleep 100000 >/dev/null 2>&1 & echo $!").start();
        long orphan = Long.parseLong(new String(leader.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        assertTrue(leader.waitFor(30, TimeUnit.SECONDS));
        return new OrphanedGroup(leader.pid(), orphan);
    }

    /** Whether the sleep is gone, waiting up to 30 s for it (it is not ours to reap: its adopter does). */
    boolean orphanGone() throws InterruptedException {
        for (int i = 0; i < 3000 && ProcessStatus.isRunning(orphan); i++) {
            Thread.sleep(10);
        }
        return !ProcessStatus.isRunning(orphan);
    }

    @Override
    public void close() {
        ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
    }
}
