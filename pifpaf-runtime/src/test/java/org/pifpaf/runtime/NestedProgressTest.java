package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;

/** What a composite start tells about its parts: the progress under each nested daemon's path, and its timing line. */
class NestedProgressTest {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));

    @TempDir
    Path tmp;

    @Test
    void aNestedDaemonsWaitIsToldUnderItsNameAndTheOuterOnesUnderNone() throws Exception {
        List<String> waits = new CopyOnWriteArrayList<>();
        try (RunningDaemon daemon = STARTER.start(StartRequest.builder("nesting").tmpDir(tmp)
                .progress((process, condition) -> waits.add(process + " | " + condition)).build())) {
            assertEquals(List.of("shell: sh | a log line matching /^ready$/", "outer | a log line matching /^ready$/"),
                    waits, "the nested shell first, under its driver's name, then the outer daemon's own process");
        }
    }

    @Test
    void theTimingLineNamesTheDaemonsPathAndItsSecondsWithTwoDecimals() {
        assertEquals("aodh: gnocchi: postgresql ready in 0.41 s: postgresql://localhost:5432",
                StartTimes.ready("aodh: gnocchi: postgresql", 412_345_678L, "postgresql://localhost:5432"));
        assertTrue(StartTimes.ready("aodh", 61_000_000_000L, "http://x").startsWith("aodh ready in 61.00 s"));
    }
}
