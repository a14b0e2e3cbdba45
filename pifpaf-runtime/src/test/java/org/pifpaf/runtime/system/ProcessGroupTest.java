package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Signal;

/** Finding a process group's running members, and killing the group only when it has some. */
class ProcessGroupTest {

    private long orphan;

    @AfterEach
    void killOrphan() {
        if (orphan > 0) {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aGroupWhoseLeaderLeftAChildBehindHasAMemberUntilKilled() throws Exception {
        // The leader (its own session and group) starts a sleep that outlives it, as a
        // double-forking daemon's child does, and exits.
        Process leader = new ProcessBuilder(SystemTools.SETSID.toString(), "sh", "-c",
                "sleep 100000 >/dev/null 2>&1 & echo $!").start();
        orphan = Long.parseLong(new String(leader.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        assertTrue(leader.waitFor(30, TimeUnit.SECONDS));
        long group = leader.pid();

        assertTrue(ProcessGroup.mayHaveRunningMember(group));
        Signals.sendToGroup(group, Signal.KILL);
        // Not our child: reaped, or left a zombie, by whoever adopted it.
        for (int i = 0; i < 3000 && ProcessStatus.isRunning(orphan); i++) {
            Thread.sleep(10);
        }
        assertFalse(ProcessStatus.isRunning(orphan));
        assertFalse(ProcessGroup.mayHaveRunningMember(group));
    }

    @Test
    void aRunningLeaderIsAMember() throws Exception {
        Process leader = new ProcessBuilder(SystemTools.SETSID.toString(), "sleep", "100000").start();
        try {
            awaitOwnGroup(leader.pid()); // setsid(2) runs a moment after the process starts
            assertTrue(ProcessGroup.mayHaveRunningMember(leader.pid()));
        } finally {
            leader.destroyForcibly().waitFor();
        }
        assertFalse(ProcessGroup.mayHaveRunningMember(leader.pid()));
    }

    private static void awaitOwnGroup(long pid) throws Exception {
        for (int i = 0; i < 1000 && groupOf(pid) != pid; i++) {
            Thread.sleep(10);
        }
        assertTrue(groupOf(pid) == pid, "process " + pid + " never led its own group");
    }

    private static long groupOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    @Test
    void theGroupOfThisJvmHasAMember() throws Exception {
        assertTrue(ProcessGroup.mayHaveRunningMember(groupOf(ProcessHandle.current().pid())));
    }
}
