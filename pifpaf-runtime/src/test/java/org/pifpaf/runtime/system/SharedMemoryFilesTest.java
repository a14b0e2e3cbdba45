package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pifpaf.runtime.process.ProcessTree;

/**
 * {@code /dev/shm} files that killed processes mapped, removed with them: what an interrupted
 * initdb's PostgreSQL backend would otherwise leave until the machine restarts.
 */
class SharedMemoryFilesTest {

    @Test
    void findsTheFilesAProcessMaps() throws Exception {
        try (SharedMemoryMapper mapper = SharedMemoryMapper.start(false)) {
            assertEquals(Set.of(mapper.file()), SharedMemoryFiles.mappedBy(List.of(mapper.process().toHandle())));
            assertEquals(Set.of(), SharedMemoryFiles.mappedBy(List.of(ProcessHandle.current().parent().orElseThrow())));
        }
    }

    @Test
    void aKilledTreeHasWhatItMappedRemoved() throws Exception {
        try (SharedMemoryMapper mapper = SharedMemoryMapper.start(true)) {
            ProcessTree.kill(mapper.process().toHandle(), true);
            assertTrue(mapper.process().waitFor(10, TimeUnit.SECONDS), "the tree is killed");
            assertFalse(Files.exists(mapper.file()), mapper.file() + " is left");
        }
    }

    @Test
    void aFileStillMappedByALiveProcessIsKept() throws Exception {
        try (SharedMemoryMapper killed = SharedMemoryMapper.start(false);
             SharedMemoryMapper alive = SharedMemoryMapper.start(false)) {
            Set<java.nio.file.Path> both = SharedMemoryFiles.mappedBy(
                    List.of(killed.process().toHandle(), alive.process().toHandle()));
            ProcessTree.kill(killed.process().toHandle(), false);
            assertFalse(Files.exists(killed.file()));
            assertTrue(Files.exists(alive.file()), "another process's file was removed");
            assertEquals(2, both.size());
        }
    }
}
