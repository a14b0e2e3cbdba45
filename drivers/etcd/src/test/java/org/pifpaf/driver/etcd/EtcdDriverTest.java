package org.pifpaf.driver.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Binary;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;
import org.pifpaf.testkit.MissingBinaries;

/**
 * The etcd driver against the real etcd: its v3 HTTP API (the gRPC gateway) through
 * java.net.http, and etcdctl run with the exported variables.
 */
class EtcdDriverTest {

    /** The client, a package of its own (etcd-client); /usr/bin's first. */
    private static final Binary ETCDCTL = Binary.named("etcdctl").in("/usr/bin").debian("etcd-client").brew("etcd");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern VALUE = Pattern.compile("\"value\":\"([^\"]*)\"");

    @Test
    void putsAndGetsThroughTheHttpApi() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("etcd", Map.of("port", "0", "peer-port", "0"));
        try {
            String http = daemon.environment().get("PIFPAF_HTTP_URL");
            assertEquals(200, post(http + "/v3/kv/put", "{\"key\":\"" + b64("greeting") + "\",\"value\":\"" + b64("hello") + "\"}").statusCode());
            HttpResponse<String> range = post(http + "/v3/kv/range", "{\"key\":\"" + b64("greeting") + "\"}");
            assertEquals(200, range.statusCode(), range.body());
            assertEquals(List.of("hello"), values(range.body()));
            HttpResponse<String> version = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http + "/version"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(version.body().contains("\"etcdserver\":\"" + DriverTestKit.listedVersion("etcd") + "\""),
                    "list-drivers shows the version of the server that runs: " + version.body());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void exportsEveryVariableForAFreePort() {
        RunningDaemon daemon = DriverTestKit.start("etcd", Map.of("port", "0", "peer-port", "0"));
        try {
            Map<String, String> env = daemon.environment();
            String port = env.get("PIFPAF_ETCD_PORT");
            String peerPort = env.get("PIFPAF_ETCD_PEER_PORT");
            assertTrue(port.matches("[1-9][0-9]*"), "PIFPAF_ETCD_PORT=" + port);
            assertTrue(peerPort.matches("[1-9][0-9]*") && !peerPort.equals(port), "PIFPAF_ETCD_PEER_PORT=" + peerPort);
            assertEquals("etcd://localhost:" + port, daemon.url());
            assertEquals(daemon.url(), env.get("PIFPAF_URL"));
            assertEquals("http://localhost:" + port, env.get("PIFPAF_HTTP_URL"));
            assertEquals("http://localhost:" + port, env.get("ETCDCTL_ENDPOINTS"));
            assertEquals("3", env.get("ETCDCTL_API"));
            assertEquals(daemon.dataDir().toString(), env.get("PIFPAF_DATA"));
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_ETCD_PORT", "PIFPAF_ETCD_PEER_PORT", "PIFPAF_HTTP_URL",
                    "PIFPAF_URL", "ETCDCTL_ENDPOINTS", "ETCDCTL_API"), new ArrayList<>(env.keySet()));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void fixedPortsGiveTheOriginalUrlAndAHealthyEndpoint() throws Exception {
        // The original pifpaf test: port 4005, peer port 4006.
        RunningDaemon daemon = DriverTestKit.start("etcd", Map.of("port", "4005", "peer-port", "4006"));
        try {
            assertEquals("etcd://localhost:4005", daemon.url());
            assertEquals("4005", daemon.environment().get("PIFPAF_ETCD_PORT"));
            assertEquals("4006", daemon.environment().get("PIFPAF_ETCD_PEER_PORT"));
            assertEquals("http://localhost:4005", daemon.environment().get("PIFPAF_HTTP_URL"));
            assertEquals(200, get("http://localhost:4005/version").statusCode());
            ClientResult health = etcdctl(daemon, "endpoint", "health");
            assertEquals(0, health.status(), health.output());
            assertTrue(health.output().contains("http://localhost:4005 is healthy"), health.output());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void etcdctlWorksWithTheExportedVariablesAlone() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("etcd", Map.of("port", "0", "peer-port", "0"));
        try {
            ClientResult put = etcdctl(daemon, "put", "pifpaf", "paf");
            assertEquals(0, put.status(), put.output());
            assertEquals("OK", put.output().strip());
            ClientResult get = etcdctl(daemon, "get", "pifpaf", "--print-value-only");
            assertEquals(0, get.status(), get.output());
            assertEquals("paf", get.output().strip());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void clusterHasThreeHealthyMembersSharingTheirData() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("etcd", Map.of("port", "0", "cluster", "true"));
        try {
            assertEquals(3, daemon.processes().size());
            assertEquals(List.of("pifpaf0", "pifpaf1", "pifpaf2"),
                    daemon.processes().stream().map(p -> p.label()).toList());
            String[] endpoints = daemon.environment().get("ETCDCTL_ENDPOINTS").split(",");
            assertEquals(3, endpoints.length);
            assertEquals("http://localhost:" + daemon.environment().get("PIFPAF_ETCD_PORT"), endpoints[0]);
            assertEquals(endpoints[0], daemon.environment().get("PIFPAF_HTTP_URL"));

            ClientResult members = etcdctl(daemon, "member", "list");
            assertEquals(0, members.status(), members.output());
            List<String> lines = members.output().strip().lines().toList();
            assertEquals(3, lines.size(), members.output());
            for (int i = 0; i < 3; i++) {
                String name = "pifpaf" + i;
                assertTrue(lines.stream().anyMatch(l -> l.contains(", started, " + name + ", ")), members.output());
            }
            ClientResult health = etcdctl(daemon, "endpoint", "health", "--cluster");
            assertEquals(0, health.status(), health.output());
            assertEquals(3, health.output().lines().filter(l -> l.contains(" is healthy")).count(), health.output());

            // Written through the first member, read back through the last one.
            assertEquals(200, post(endpoints[0] + "/v3/kv/put", "{\"key\":\"" + b64("k") + "\",\"value\":\"" + b64("v") + "\"}").statusCode());
            assertEquals(List.of("v"), values(post(endpoints[2] + "/v3/kv/range", "{\"key\":\"" + b64("k") + "\"}").body()));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void clusterOnAFixedPortKeepsTheOriginalLayout() throws Exception {
        // The original pifpaf test: port 4007 (peer port 4008, ignored with a cluster).
        RunningDaemon daemon = DriverTestKit.start("etcd", Map.of("port", "4007", "peer-port", "4008", "cluster", "true"));
        try {
            assertEquals("etcd://localhost:4007", daemon.url());
            assertEquals("4007", daemon.environment().get("PIFPAF_ETCD_PORT"));
            assertEquals("4008", daemon.environment().get("PIFPAF_ETCD_PEER_PORT"));
            assertEquals("http://localhost:4007,http://localhost:4009,http://localhost:4011",
                    daemon.environment().get("ETCDCTL_ENDPOINTS"));
            assertEquals(200, get("http://localhost:4007/version").statusCode());
            ClientResult members = etcdctl(daemon, "member", "list");
            assertEquals(0, members.status(), members.output());
            for (int i = 0; i < 3; i++) {
                String expected = ", started, pifpaf" + i + ", http://127.0.0.1:" + (4008 + 2 * i)
                        + ", http://127.0.0.1:" + (4007 + 2 * i) + ",";
                assertTrue(members.output().contains(expected), expected + " in " + members.output());
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aMemberThatCannotStartFailsTheClusterStart() throws Exception {
        // The second member's client port is taken: the original carried on regardless.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int base = taken.getLocalPort() - 2;
            StartFailedException failure = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                    "etcd", Map.of("port", Integer.toString(base), "cluster", "true")).close());
            assertTrue(String.join("\n", failure.logTail()).contains("address already in use"),
                    "log tail: " + failure.logTail());
        }
    }

    @Test
    void clusterRefusesAPortWithoutRoomForItsSixPorts() {
        StartFailedException failure = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                "etcd", Map.of("port", "65531", "cluster", "true")).close());
        assertTrue(failure.getMessage().contains("leaves no room for the cluster's 6 ports (up to 65536)"),
                failure::getMessage);
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("etcd", "port", Map.of("peer-port", "0"));
    }

    @Test
    void declaresEtcdAndEtcdctlWithTheirDebianPackages() {
        EtcdDriver driver = new EtcdDriver();
        assertEquals("etcd", driver.name());
        assertEquals(List.of("etcd", "etcdctl"), driver.binaries().stream().map(Binary::name).toList());
        assertEquals(List.of("etcd-server", "etcd-client"),
                driver.binaries().stream().map(Binary::debianPackage).toList());
        assertEquals(List.of("port", "peer-port", "cluster"), driver.options().stream().map(o -> o.name()).toList());
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The decoded values of the key-value pairs in a range response. */
    private static List<String> values(String rangeResponse) {
        List<String> values = new ArrayList<>();
        Matcher matcher = VALUE.matcher(rangeResponse);
        while (matcher.find()) {
            values.add(new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs etcdctl with only the daemon's variables telling it where etcd is. */
    private static ClientResult etcdctl(RunningDaemon daemon, String... args) {
        List<String> argv = new ArrayList<>(List.of(MissingBinaries.require(ETCDCTL).toString()));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> {
            env.keySet().removeIf(name -> name.startsWith("ETCDCTL_"));
            env.putAll(daemon.environment());
        });
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("etcd", Map.of());
    }
}
