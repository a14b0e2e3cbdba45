package org.pifpaf.driver.consul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/** The consul driver against the real agent: its HTTP API, its own command, its listeners. */
class ConsulDriverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningDaemon consul;

    @BeforeAll
    static void start() {
        consul = DriverTestKit.start("consul", Map.of("port", "0"));
    }

    @AfterAll
    static void stop() {
        if (consul != null) {
            DriverTestKit.closeAndAssertNothingLeft(consul);
        }
    }

    private static String api() {
        return "http://" + consul.environment().get("CONSUL_HTTP_ADDR");
    }

    @Test
    void putsAndGetsAKeyOverHttp() throws Exception {
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(api() + "/v1/kv/pifpaf/greeting"))
                .PUT(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("true", put.body().trim());
        assertEquals("hello", get("/v1/kv/pifpaf/greeting?raw").body());
    }

    @Test
    void theConsulCommandFindsTheAgentThroughTheExportedAddress() {
        ClientResult put = DriverTestKit.runClient(List.of("consul", "kv", "put", "pifpaf/cli", "paf"),
                env -> env.putAll(consul.environment()));
        assertEquals(0, put.status(), put.output());
        ClientResult get = DriverTestKit.runClient(List.of("consul", "kv", "get", "pifpaf/cli"),
                env -> env.putAll(consul.environment()));
        assertEquals(new ClientResult(0, "paf\n"), get);
    }

    @Test
    void theOneServerIsTheLeaderAndListensOnLoopbackOnlyOnPortsOfItsOwn() throws Exception {
        HttpResponse<String> leader = get("/v1/status/leader");
        assertEquals(200, leader.statusCode());
        assertTrue(leader.body().matches("\"127\\.0\\.0\\.1:\\d+\""), leader.body());
        JsonNode config = JSON.readTree(get("/v1/agent/self").body()).path("DebugConfig");
        assertEquals("127.0.0.1", config.path("BindAddr").asText());
        assertEquals("[\"127.0.0.1\"]", config.path("ClientAddrs").toString());
        assertEquals("agent-one", config.path("NodeName").asText());
        for (String port : List.of("DNSPort", "SerfPortLAN", "SerfPortWAN", "ServerPort", "GRPCPort")) {
            assertTrue(config.path(port).asInt() >= 1024 && !List.of(8600, 8301, 8302, 8300, 8502)
                    .contains(config.path(port).asInt()), port + " is a free port, not Consul's default");
        }
    }

    @Test
    void exportsTheOriginalVariablesAndTheVersionIsListed() throws Exception {
        String port = consul.environment().get("PIFPAF_CONSUL_PORT");
        assertEquals("consul://127.0.0.1:" + port, consul.url());
        assertEquals(consul.url(), consul.environment().get("PIFPAF_URL"));
        assertEquals("127.0.0.1:" + port, consul.environment().get("CONSUL_HTTP_ADDR"));
        assertEquals(JSON.readTree(get("/v1/agent/self").body()).path("Config").path("Version").asText(),
                DriverTestKit.listedVersion("consul"));
    }

    @Test
    void theOriginalsPortGivesTheOriginalUrl() throws Exception {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(8601, 1, java.net.InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (java.io.IOException taken) {
            org.junit.jupiter.api.Assumptions.abort("port 8601 is taken");
        }
        RunningDaemon fixed = DriverTestKit.start("consul", Map.of("port", "8601"));
        try {
            assertEquals("consul://127.0.0.1:8601", fixed.environment().get("PIFPAF_URL"));
            assertEquals("8601", fixed.environment().get("PIFPAF_CONSUL_PORT"));
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8601/v1/status/leader")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(fixed);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("consul", "port", Map.of());
    }

    @Test
    void twoAgentsRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("consul", Map.of());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissingConsulSaysWhereToGetIt() {
        // Not 'apt-get install consul' alone (Debian 12 has no package) nor Homebrew's core (dropped).
        assertEquals("consul not found; install it with 'brew install hashicorp/tap/consul' or 'apt-get install consul'"
                        + " from HashiCorp's apt repository or Debian 11 (Debian 12 has none) or the binary of HashiCorp's"
                        + " release archive, on PATH",
                new MissingBinaryException(ConsulDriver.CONSUL).getMessage());
    }
}
