package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.runtime.system.OwnerMark;

class StaleDataDirectoriesTest {

    @Test
    void sweepsMarkedDirectoriesOfDeadOwnersOnly(@TempDir Path tmp) throws Exception {
        String deadOwner = deadProcessMark();
        Path orphan = markedDir(tmp.resolve("pifpaf-redis-1"), deadOwner);
        Files.writeString(orphan.resolve("dump.rdb"), "data");
        markedDir(tmp.resolve("someone-else"), deadOwner);
        Path live = tmp.resolve("pifpaf-redis-3");
        Files.createDirectory(live);
        OwnerMark.write(live);
        Files.createDirectory(tmp.resolve("pifpaf-kept-4")); // --keep-data: no mark

        StaleDataDirectories.sweepOnce(tmp);

        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("pifpaf-kept-4", "pifpaf-redis-3", "someone-else"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aPidReusedByAnotherProcessIsNotTheOwner(@TempDir Path tmp) throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().orElseThrow().toEpochMilli();
        markedDir(tmp.resolve("pifpaf-etcd-1"), self.pid() + " " + (started - 60_000));

        StaleDataDirectories.sweepOnce(tmp);

        assertEquals(false, Files.exists(tmp.resolve("pifpaf-etcd-1")));
    }

    private static Path markedDir(Path dir, String owner) throws Exception {
        Files.createDirectory(dir);
        Files.writeString(dir.resolve(OwnerMark.FILE_NAME), owner + "\n");
        return dir;
    }

    /** The mark a process that has since exited would have left. */
    private static String deadProcessMark() throws Exception {
        Process process = new ProcessBuilder("true").start();
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        process.waitFor();
        return process.pid() + " " + started;
    }
}
