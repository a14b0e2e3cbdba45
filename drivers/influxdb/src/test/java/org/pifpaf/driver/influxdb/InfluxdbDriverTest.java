package org.pifpaf.driver.influxdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.ListeningSockets;
import org.pifpaf.testkit.DriverTestKit.ClientResult;
import org.pifpaf.testkit.MissingBinaries;

/** The influxdb driver against the real InfluxDB 1.x, over its HTTP API and with its client. */
class InfluxdbDriverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void writesAndQueriesAPointOverHttp() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("influxdb", Map.of("port", "0", "database", "metrics"));
        try {
            String base = "http://127.0.0.1:" + daemon.environment().get("PIFPAF_INFLUXDB_PORT");
            HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/write?db=metrics"))
                            .POST(HttpRequest.BodyPublishers.ofString("cpu,host=pif value=0.64 1700000000000000000\n"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, write.statusCode(), write.body());
            HttpResponse<String> query = get(base + "/query?db=metrics&q=" + encode("SELECT value FROM cpu WHERE host = 'pif'"));
            assertEquals(200, query.statusCode(), query.body());
            assertTrue(query.body().contains("[\"2023-11-14T22:13:20Z\",0.64]"), query.body());
            String served = get(base + "/ping").headers().firstValue("X-Influxdb-Version").orElse("");
            assertTrue(served.startsWith(DriverTestKit.listedVersion("influxdb")),
                    "list-drivers shows the version of the server that runs: " + served);
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortGivesTheOriginalUrlAndVariables() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("influxdb", Map.of("port", "51236", "database", "foobar"));
        try {
            Map<String, String> env = daemon.environment();
            assertEquals("influxdb://localhost:51236/foobar", daemon.url());
            assertEquals(daemon.url(), env.get("PIFPAF_URL"));
            assertEquals("51236", env.get("PIFPAF_INFLUXDB_PORT"));
            assertEquals("foobar", env.get("PIFPAF_INFLUXDB_DATABASE"));
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_INFLUXDB_PORT", "PIFPAF_INFLUXDB_DATABASE", "PIFPAF_URL"),
                    new ArrayList<>(env.keySet()));
            // pifpaf's own test, with the influx client.
            ClientResult databases = influx("-port", "51236", "-execute", "SHOW DATABASES;");
            assertEquals(0, databases.status(), databases.output());
            assertTrue(databases.output().lines().anyMatch("databases,foobar"::equals), databases.output());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void createsTheDatabaseTestByDefault() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("influxdb", Map.of("port", "0"));
        try {
            String port = daemon.environment().get("PIFPAF_INFLUXDB_PORT");
            assertTrue(Integer.parseInt(port) > 0, "port " + port);
            assertEquals("test", daemon.environment().get("PIFPAF_INFLUXDB_DATABASE"));
            assertEquals("influxdb://localhost:" + port + "/test", daemon.url());
            HttpResponse<String> databases = get("http://127.0.0.1:" + port + "/query?q=SHOW+DATABASES");
            assertEquals("{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"databases\",\"columns\":[\"name\"],"
                    + "\"values\":[[\"test\"]]}]}]}", databases.body().strip());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void quotesTheDatabaseName() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("influxdb", Map.of("port", "0", "database", "pif-paf \"db\""));
        try {
            ClientResult databases = influx("-host", "127.0.0.1", "-port", daemon.environment().get("PIFPAF_INFLUXDB_PORT"),
                    "-execute", "SHOW DATABASES");
            assertEquals(0, databases.status(), databases.output());
            assertTrue(databases.output().lines().anyMatch("databases,\"pif-paf \"\"db\"\"\""::equals), databases.output());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listensOnLoopbackOnlyWithEveryPortChosen() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "reads the sockets from /proc");
        RunningDaemon daemon = DriverTestKit.start("influxdb", Map.of("port", "0"));
        try {
            String config = Files.readString(daemon.dataDir().resolve("influxdb.conf"));
            Matcher rpc = Pattern.compile("(?m)^bind-address = \"127\\.0\\.0\\.1:(\\d+)\"$").matcher(config);
            assertTrue(rpc.find(), config);
            String rpcPort = rpc.group(1);
            String httpPort = daemon.environment().get("PIFPAF_INFLUXDB_PORT");
            assertNotEquals("8088", rpcPort, "the RPC service must not keep its fixed default");
            assertNotEquals(httpPort, rpcPort);
            assertEquals(Set.of("tcp 127.0.0.1:" + httpPort, "tcp 127.0.0.1:" + rpcPort),
                    ListeningSockets.withProtocols(daemon.processes().get(0).pid()));
            assertTrue(Files.isRegularFile(daemon.dataDir().resolve("meta/meta.db")), "metadata in the data dir");
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("influxdb", "port", Map.of());
    }

    @Test
    void configKeepsEveryPathInTheDataDirAndEscapesThem() {
        String config = InfluxdbConfig.render(Path.of("/tmp/pif \"paf\""), 51234, 40000);
        assertTrue(config.contains("dir = \"/tmp/pif \\\"paf\\\"/meta\""), config);
        assertTrue(config.contains("wal-dir = \"/tmp/pif \\\"paf\\\"/wal\""), config);
        assertTrue(config.contains("bind-address = \"127.0.0.1:51234\""), config);
        assertTrue(config.contains("reporting-enabled = false"), config);
        assertEquals("\"a\\\\b\\\"c\"", InfluxdbDriver.identifier("a\\b\"c"));
    }

    @Test
    void declaresInfluxdAndTheClientWithTheirPackages() {
        InfluxdbDriver driver = new InfluxdbDriver();
        assertEquals("influxdb", driver.name());
        assertEquals(List.of("influxd", "influx"), driver.binaries().stream().map(b -> b.name()).toList());
        assertEquals("influxd not found; install it with 'apt-get install influxdb' or 'brew install influxdb@1'",
                new MissingBinaryException(InfluxdbDriver.INFLUXD).getMessage());
        assertEquals("influx not found; install it with 'apt-get install influxdb-client' or 'brew install influxdb@1'",
                new MissingBinaryException(InfluxdbDriver.INFLUX).getMessage());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Runs the influx client (skipped, or failed in CI, when it is missing). */
    private static ClientResult influx(String... args) {
        Path client = Path.of("/usr/bin/influx");
        if (!Files.isExecutable(client)) {
            MissingBinaries.skipOrFail(new MissingBinaryException(InfluxdbDriver.INFLUX));
        }
        List<String> argv = new ArrayList<>(List.of(client.toString(), "-format", "csv"));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> { });
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("influxdb", Map.of());
    }
}
