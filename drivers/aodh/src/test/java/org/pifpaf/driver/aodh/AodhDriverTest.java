package org.pifpaf.driver.aodh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/**
 * The aodh driver with its defaults (the original's ports, a database and a Gnocchi of its own)
 * against the real Aodh, used through Aodh's own client with the exported variables. A start
 * takes about a minute, so one Aodh serves the whole class.
 */
class AodhDriverTest {

    private static RunningDaemon aodh;

    @BeforeAll
    static void startOneAodhForTheClass() {
        aodh = DriverTestKit.start("aodh", Map.of());
    }

    @AfterAll
    static void stopItLeavingNothing() {
        if (aodh != null) {
            DriverTestKit.closeAndAssertNothingLeft(aodh);
        }
    }

    @Test
    void exportsTheOriginalsVariablesAfterThoseOfItsDatabaseAndOfItsGnocchi() {
        Map<String, String> env = aodh.environment();
        assertEquals("aodh://localhost:8042", aodh.url());
        assertEquals(aodh.url(), env.get("PIFPAF_URL"));
        assertEquals("8042", env.get("PIFPAF_AODH_PORT"));
        assertEquals("admin", env.get("PIFPAF_AODH_GNOCCHI_USER"));
        assertEquals("http://localhost:8042", env.get("PIFPAF_AODH_HTTP_URL"));
        assertEquals("http://localhost:8042", env.get("AODH_ENDPOINT"));
        assertEquals(aodh.dataDir().toString(), env.get("PIFPAF_DATA"));
        // Its database's, on the original's port: the PostgreSQL asked for first (before the Gnocchi).
        assertEquals("8050", env.get("PGPORT"));
        assertEquals(aodh.dataDir().resolve("postgresql").toString(), env.get("PGHOST"));
        // Its Gnocchi's, on the original's port.
        assertEquals("8051", env.get("PIFPAF_GNOCCHI_PORT"));
        assertEquals("http://localhost:8051", env.get("GNOCCHI_ENDPOINT"));
        assertEquals("gnocchi-basic", env.get("OS_AUTH_TYPE"));
        assertEquals(List.of("PIFPAF_DATA", "PGPORT", "PGHOST", "PGDATA", "PGDATABASE", "PIFPAF_URL",
                "PIFPAF_POSTGRESQL_PORT", "PIFPAF_POSTGRESQL_JDBC_URL", "PIFPAF_GNOCCHI_PORT", "PIFPAF_GNOCCHI_HTTP_URL",
                "GNOCCHI_ENDPOINT", "OS_AUTH_TYPE", "GNOCCHI_STATSD_RESOURCE_ID", "GNOCCHI_USER",
                "PIFPAF_GNOCCHI_STATSD_PORT", "PIFPAF_AODH_PORT", "PIFPAF_AODH_GNOCCHI_USER", "PIFPAF_AODH_HTTP_URL",
                "AODH_ENDPOINT"), new ArrayList<>(env.keySet()));
    }

    @Test
    void theGnocchiIndexesInAPostgresqlOfItsOwnOnTheGnocchiIndexerPort() throws Exception {
        String gnocchiConf = Files.readString(aodh.dataDir().resolve("gnocchi/gnocchi.conf"));
        assertTrue(gnocchiConf.contains("/gnocchi/postgresql&port=8052\n"), gnocchiConf);
    }

    @Test
    void theApiAnswersAtTheExportedUrl() throws Exception {
        HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(aodh.environment().get("PIFPAF_AODH_HTTP_URL"))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode(), root.body());
        assertTrue(root.body().contains("\"id\": \"v2\""), root.body());
    }

    @Test
    void anAlarmOnAGnocchiResourceIsCreatedThroughTheAodhClientAfterAodhAskedItsGnocchi() throws Exception {
        String resource = aodh.environment().get("GNOCCHI_STATSD_RESOURCE_ID");
        String created = aodh("alarm", "create", "--name", "pifpaf-alarm", "--type", "gnocchi_resources_threshold",
                "--metric", "cpu_util", "--threshold", "80", "--aggregation-method", "mean",
                "--resource-type", "generic", "--resource-id", resource, "-f", "value", "-c", "name", "-c", "state");
        assertEquals(List.of("pifpaf-alarm", "insufficient data"), created.lines().toList());
        assertEquals("pifpaf-alarm insufficient data", aodh("alarm", "list", "-f", "value", "-c", "name", "-c", "state").strip());
        // Aodh checked the aggregation method with its Gnocchi before it accepted the alarm.
        assertTrue(Files.readString(aodh.process("gnocchi-api").logFile()).contains("GET /v1/capabilities"));
    }

    @Test
    void theApiUsesTheFilesOfAodhsPackageNotThoseOfEtcAodh() throws Exception {
        Path used = pasteConfigUsed();
        assertTrue(used.endsWith("aodh/api/api-paste.ini") && !used.startsWith("/etc"), used.toString());
    }

    @Test
    void listDriversShowsTheVersionOfThePackageTheRunningApiLoaded() throws Exception {
        // Aodh tells its version nowhere but in --version, which list-drivers runs; the package the
        // API runs from is recorded beside it, in its egg-info or dist-info metadata.
        Path site = pasteConfigUsed().getParent().getParent().getParent();
        String version;
        try (Stream<Path> entries = Files.list(site)) {
            Path metadata = entries.filter(p -> p.getFileName().toString().matches("aodh-[0-9][^-]*\\.(egg|dist)-info"))
                    .findFirst().orElseThrow(() -> new AssertionError("no metadata of aodh in " + site));
            Path file = metadata.resolve(Files.exists(metadata.resolve("PKG-INFO")) ? "PKG-INFO" : "METADATA");
            version = Files.readAllLines(file).stream().filter(line -> line.startsWith("Version: "))
                    .findFirst().orElseThrow().substring("Version: ".length());
        }
        assertEquals(version, DriverTestKit.listedVersion("aodh"));
    }

    /** The api-paste.ini the API says it loaded. */
    private static Path pasteConfigUsed() throws Exception {
        String apiLog = Files.readString(aodh.process("aodh-api").logFile());
        // oslo.log colours its lines: the path ends at ".ini".
        Matcher used = Pattern.compile("WSGI config used: (/\\S*?\\.ini)").matcher(apiLog);
        assertTrue(used.find(), apiLog);
        return Path.of(used.group(1));
    }

    /**
     * Runs the {@code aodh} client with the daemon's variables, as a user and project of its own
     * in the admin role ({@code aodh-noauth}: the API has no authentication); asserts that it succeeds.
     *
     * @return its output
     */
    private static String aodh(String... args) {
        Map<String, String> env = aodh.environment();
        List<String> argv = new ArrayList<>(List.of("aodh", "--aodh-endpoint=" + env.get("AODH_ENDPOINT")));
        argv.addAll(List.of(args));
        ClientResult result = DriverTestKit.runClient(argv, inherited -> {
            inherited.keySet().removeIf(name -> name.startsWith("OS_") || name.startsWith("AODH_"));
            inherited.putAll(env);
            inherited.put("OS_AUTH_TYPE", "aodh-noauth");
            inherited.put("AODH_USER_ID", "pifpaf");
            inherited.put("AODH_PROJECT_ID", "pifpaf");
        });
        assertEquals(0, result.status(), "aodh " + String.join(" ", args) + ": " + result.output());
        return result.output();
    }
}
