package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Signal;

/** Finding a process group's running members, and killing the group only when it has some. */
class ProcessGroupTest {

    @Test
    void aGroupWhoseLeaderLeftAChildBehindHasAMemberUntilKilled() throws Exception {
        try (OrphanedGroup group = OrphanedGroup.start()) {
            assertTrue(ProcessGroup.mayHaveRunningMember(group.pgid()));
            Signals.sendToGroup(group.pgid(), Signal.KILL);
            assertTrue(group.orphanGone());
            assertFalse(ProcessGroup.mayHaveRunningMember(group.pgid()));
        }
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
