package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aodh through the command line, the deepest composite: Aodh over a PostgreSQL and a Gnocchi,
 * which has a PostgreSQL of its own. Its owner killed or interrupted in the middle of the start,
 * while the Gnocchi's services load, nothing is left: no process (uwsgi, which works in
 * {@code /}, included) and no directory.
 */
class AodhIT {

    private static final List<String> RUN_AODH = List.of("pifpaf", "run", "aodh", "--port", "0", "--database-port", "0",
            "--gnocchi-port", "0", "--gnocchi-indexer-port", "0", "--", "sleep", "30");

    @BeforeAll
    static void binaries() {
        Binaries.require("aodh-api", "aodh-api");
        Binaries.require("gnocchi-api", "gnocchi-api");
        Binaries.require("initdb", "postgresql");
    }

    @Test
    void aKilledOwnerLeavesNothingOfAodhNorOfTheDaemonsItNests() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Process pifpaf = Launcher.start(Identity.CURRENT_USER, RUN_AODH, tmp.env());
            awaitGnocchiServicesLoading(tmp.path(), pifpaf);
            new ProcessBuilder("kill", "-KILL", Long.toString(pifpaf.pid())).start().waitFor();
            pifpaf.waitFor();
            assertNothingLeft(tmp);
        }
    }

    @Test
    void ctrlCInTheMiddleOfTheStartStopsEverythingWithinSeconds() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Process pifpaf = Launcher.start(Identity.CURRENT_USER, RUN_AODH, tmp.env());
            awaitGnocchiServicesLoading(tmp.path(), pifpaf);
            long interrupted = System.nanoTime();
            new ProcessBuilder("kill", "-s", "INT", Long.toString(pifpaf.pid())).start().waitFor();
            assertTrue(pifpaf.waitFor(10, TimeUnit.SECONDS), "pifpaf did not exit within 10 s");
            long millis = (System.nanoTime() - interrupted) / 1_000_000;
            assertEquals(130, pifpaf.exitValue());
            assertTrue(millis < 5_000, "stopping took " + millis + " ms");
            assertNothingLeft(tmp);
        }
    }

    /**
     * Waits until the nested Gnocchi's services are being loaded (their logs exist), while the
     * start is still far from done: the command has not started.
     */
    private static void awaitGnocchiServicesLoading(Path tmp, Process pifpaf) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> entries = Files.list(tmp)) {
                if (entries.anyMatch(dir -> Files.exists(dir.resolve("gnocchi/gnocchi-api.log")))) {
                    assertTrue(pifpaf.isAlive() && pifpaf.children().noneMatch(p -> p.info().command()
                            .map(c -> c.endsWith("/sleep")).orElse(false)), "the start was over already");
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the Gnocchi's services never started loading");
    }

    private static void assertNothingLeft(PrivateTmp tmp) throws Exception {
        assertEquals(List.of(), tmp.leftovers());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> naming;
        while (!(naming = Leftovers.processesNaming(tmp.path() + "/")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), naming, "processes still naming the data directory");
    }
}
