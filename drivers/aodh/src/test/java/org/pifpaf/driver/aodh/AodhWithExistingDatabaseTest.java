package org.pifpaf.driver.aodh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/**
 * Aodh in a database that exists already (the original's other test), under a prefix of the
 * user's and on free ports: its tables go there, no PostgreSQL of its own starts, and every
 * variable, its Gnocchi's included, has the chosen prefix. Then starts that fail at once.
 */
class AodhWithExistingDatabaseTest {

    private static final String PSQL = Files.isExecutable(Path.of("/usr/bin/psql")) ? "/usr/bin/psql" : "psql";

    @Test
    void aodhKeepsItsAlarmsInTheGivenDatabaseAndExportsUnderTheChosenPrefix() throws Exception {
        RunningDaemon database = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try {
            RunningDaemon aodh = DriverTestKit.start(StartRequest.builder("aodh").prefix("ALARMS")
                    .options(Map.of("port", "0", "gnocchi-port", "0", "gnocchi-indexer-port", "0",
                            "database-url", database.url())).build());
            try {
                Map<String, String> env = aodh.environment();
                assertEquals(List.of(), env.keySet().stream().filter(name -> name.startsWith("PIFPAF_")).toList(),
                        "nothing under the default prefix");
                assertEquals(aodh.url(), env.get("ALARMS_URL"));
                assertEquals("http://localhost:" + env.get("ALARMS_AODH_PORT"), env.get("ALARMS_AODH_HTTP_URL"));
                assertEquals(env.get("ALARMS_AODH_HTTP_URL"), env.get("AODH_ENDPOINT"));
                assertEquals("http://localhost:" + env.get("ALARMS_GNOCCHI_PORT"), env.get("GNOCCHI_ENDPOINT"));
                // The only PostgreSQL started is the Gnocchi's, whose variables are the first.
                assertFalse(Files.exists(aodh.dataDir().resolve("postgresql")));
                assertEquals(aodh.dataDir().resolve("gnocchi/postgresql").toString(), env.get("PGHOST"));
                assertEquals(env.get("PGPORT"), env.get("ALARMS_POSTGRESQL_PORT"));

                HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(env.get("ALARMS_AODH_HTTP_URL"))).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, root.statusCode(), root.body());
                ClientResult tables = DriverTestKit.runClient(List.of(PSQL, "-Atc", "select count(*) from alarm"),
                        inherited -> inherited.putAll(database.environment()));
                assertEquals("0", tables.output().strip(), "Aodh's tables are in the given database: " + tables.output());
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(aodh);
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(database);
        }
    }

    @Test
    void anEmptyDatabaseUrlIsRejectedAtOnce() {
        long started = System.nanoTime();
        StartFailedException failure = assertThrows(StartFailedException.class,
                () -> DriverTestKit.start("aodh", Map.of("port", "0", "database-url", "")).close());
        assertTrue(failure.getMessage().contains("--database-url is empty"), failure.getMessage());
        assertTrue(System.nanoTime() - started < 3_000_000_000L, "not at once");
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("aodh", "port", Map.of());
    }
}
