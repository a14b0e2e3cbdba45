package org.pifpaf.driver.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.DriverTestKit;

/**
 * What the {@code elasticsearch} and {@code opensearch} drivers share, against the real node: one
 * node for the whole class (a start takes seconds), used over HTTP with {@code java.net.http},
 * and the few more the kit's checks and the original's test need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ElasticsearchFamilyDriverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MEGABYTE = 1024 * 1024;

    private final String driver;
    private final String scheme;
    private final String stem;
    private final String pathHomeProperty;
    private Path installation;
    private Map<String, String> configBefore;
    private RunningDaemon node;

    /**
     * @param driver           the driver's name
     * @param scheme           its URL scheme
     * @param pathHomeProperty the system property by which its JVM knows its installation
     */
    ElasticsearchFamilyDriverTest(String driver, String scheme, String pathHomeProperty) {
        this.driver = driver;
        this.scheme = scheme;
        this.stem = driver.toUpperCase(java.util.Locale.ROOT);
        this.pathHomeProperty = pathHomeProperty;
    }

    /** Where the driver is to find the installation on this machine, or null if it should not find one. */
    abstract Path expectedInstallation() throws IOException;

    @BeforeAll
    void start() throws IOException {
        DriverTestKit.listedVersion(driver);   // skips (fails in CI) when no installation is found
        installation = expectedInstallation();
        configBefore = Snapshot.of(installation.resolve("config"));
        node = DriverTestKit.start(driver, Map.of("port", "0"));
    }

    @AfterAll
    void stop() throws IOException {
        if (node != null) {
            long pid = node.processes().get(0).pid();
            DriverTestKit.closeAndAssertNothingLeft(node);
            try (var perfData = Files.newDirectoryStream(Path.of("/tmp"), "hsperfdata_*")) {
                perfData.forEach(dir -> assertFalse(Files.exists(dir.resolve(Long.toString(pid))),
                        "the node's JVM left " + dir.resolve(Long.toString(pid))));
            }
        }
    }

    @Test
    void exportsItsPortAndUrls() {
        String port = node.environment().get("PIFPAF_" + stem + "_PORT");
        assertEquals(scheme + "://localhost:" + port, node.url());
        assertEquals(node.url(), node.environment().get("PIFPAF_URL"));
        assertEquals("http://127.0.0.1:" + port, node.environment().get("PIFPAF_" + stem + "_HTTP_URL"));
        assertEquals(node.dataDir().toString(), node.environment().get("PIFPAF_DATA"));
    }

    @Test
    void getRootNamesItsOwnClusterAndTheVersionListDriversShows() throws Exception {
        HttpResponse<String> root = get(node, "/");
        assertEquals(200, root.statusCode());
        JsonNode about = JSON.readTree(root.body());
        assertEquals("pifpaf", about.path("name").asText());
        assertTrue(about.path("cluster_name").asText().matches("pifpaf-" + driver + "-[0-9a-z]+"), root.body());
        assertEquals(about.path("version").path("number").asText(), DriverTestKit.listedVersion(driver));
    }

    @Test
    void indexesADocumentAndFindsIt() throws Exception {
        HttpResponse<String> indexed = send(node, "PUT", "/books/_doc/1?refresh=true",
                "{\"title\": \"Throw-away daemons for tests\", \"year\": 2024}");
        assertEquals(201, indexed.statusCode(), indexed.body());
        HttpResponse<String> found = send(node, "POST", "/books/_search",
                "{\"query\": {\"match\": {\"title\": \"daemons\"}}}");
        assertEquals(200, found.statusCode(), found.body());
        JsonNode hits = JSON.readTree(found.body()).path("hits");
        assertEquals(1, hits.path("total").path("value").asInt(), found.body());
        assertEquals("Throw-away daemons for tests", hits.path("hits").get(0).path("_source").path("title").asText());
    }

    @Test
    void listensOnLoopbackOnlyOnItsHttpPortAndAFreeTransportPort() throws Exception {
        int httpPort = Integer.parseInt(node.environment().get("PIFPAF_" + stem + "_PORT"));
        JsonNode transport = localNode(node, "transport").path("transport");
        String published = transport.path("publish_address").asText();
        assertTrue(published.startsWith("127.0.0.1:"), published);
        int transportPort = Integer.parseInt(published.substring("127.0.0.1:".length()));
        assertNotEquals(9300, transportPort, "the transport port is a free one, not the default");
        assertEquals(Set.of("127.0.0.1:" + httpPort, "127.0.0.1:" + transportPort),
                Listeners.of(node.processes().get(0).pid()));
    }

    @Test
    void runsAsTheUnprivilegedUserWhenPifpafIsRoot() throws Exception {
        String uid = Files.readAllLines(Path.of("/proc", Long.toString(node.processes().get(0).pid()), "status"))
                .stream().filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
        if ("root".equals(System.getProperty("user.name"))) {
            assertNotEquals("0", uid, "both refuse to run as root");
        } else {
            assertEquals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString(), uid);
        }
    }

    @Test
    void hasHalfAGigabyteOfHeapByDefault() throws Exception {
        assertEquals(512 * MEGABYTE, heapMax(node), 16 * MEGABYTE);
    }

    @Test
    void leavesTheDistributionsConfigurationAloneAndWritesInTheDataDirectoryOnly() throws Exception {
        JsonNode jvm = localNode(node, "jvm").path("jvm");
        List<String> arguments = JSON.convertValue(jvm.path("input_arguments"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertTrue(arguments.contains("-D" + pathHomeProperty + "=" + installation), arguments.toString());
        for (String argument : arguments) {
            if (!argument.startsWith("-D" + pathHomeProperty + "=")) {
                assertFalse(argument.contains(installation.toString()), "names the installation: " + argument);
            }
        }
        Path logs = node.dataDir().resolve("logs");
        assertTrue(arguments.contains("-XX:HeapDumpPath=" + logs), arguments.toString());
        assertTrue(Files.exists(logs.resolve("gc.log")), "no GC log in " + logs);
        assertTrue(Files.exists(node.dataDir().resolve("config/" + driver + ".keystore")),
                "the node's keystore is in its private configuration");
        assertEquals(configBefore, Snapshot.of(installation.resolve("config")));
    }

    @Test
    void theOriginalsPortGivesTheOriginalsUrlAndTheHeapSizeOptionSetsTheHeap() throws Exception {
        // The original's test: port 9201, its URL and variable, GET / answering 200.
        try (ServerSocket probe = new ServerSocket(9201, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (IOException taken) {
            Assumptions.abort("port 9201 is taken");
        }
        RunningDaemon other = DriverTestKit.start(driver, Map.of("port", "9201", "heap-size", "256m"));
        try {
            assertEquals(scheme + "://localhost:9201", other.environment().get("PIFPAF_URL"));
            assertEquals("9201", other.environment().get("PIFPAF_" + stem + "_PORT"));
            HttpResponse<String> root = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:9201/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, root.statusCode());
            assertEquals(256 * MEGABYTE, heapMax(other), 16 * MEGABYTE);
            // Side by side with the class's node: a cluster and a transport port of its own.
            assertNotEquals(JSON.readTree(get(node, "/").body()).path("cluster_name"),
                    JSON.readTree(root.body()).path("cluster_name"));
            assertNotEquals(localNode(node, "transport").path("transport").path("publish_address"),
                    localNode(other, "transport").path("transport").path("publish_address"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(other);
        }
    }

    @Test
    void aHeapSizeWithoutAUnitIsRefusedBeforeAnythingStarts() {
        StartFailedException failure = assertThrows(StartFailedException.class,
                () -> DriverTestKit.start(driver, Map.of("port", "0", "heap-size", "512")).close());
        assertTrue(failure.getMessage().contains("--heap-size"), failure.getMessage());
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort(driver, "port", Map.of());
    }

    @Test
    void twoNodesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist(driver, Map.of());
    }

    private static long heapMax(RunningDaemon daemon) throws Exception {
        HttpResponse<String> stats = get(daemon, "/_nodes/_local/stats/jvm");
        JsonNode nodes = JSON.readTree(stats.body()).path("nodes");
        return nodes.elements().next().path("jvm").path("mem").path("heap_max_in_bytes").asLong();
    }

    /** The local node's entry of {@code GET /_nodes/_local/<metric>}. */
    private static JsonNode localNode(RunningDaemon daemon, String metric) throws Exception {
        return JSON.readTree(get(daemon, "/_nodes/_local/" + metric).body()).path("nodes").elements().next();
    }

    private static HttpResponse<String> get(RunningDaemon daemon, String path) throws Exception {
        return send(daemon, "GET", path, null);
    }

    private static HttpResponse<String> send(RunningDaemon daemon, String method, String path, String json)
            throws Exception {
        String base = daemon.environment().entrySet().stream().filter(e -> e.getKey().endsWith("_HTTP_URL"))
                .findFirst().orElseThrow().getValue();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        request = json == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
