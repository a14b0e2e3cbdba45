package org.pifpaf.driver.httpbin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;

/**
 * The httpbin driver against the real httpbin under gunicorn, spoken to with java.net.http. Each
 * daemon is also closed by try-with-resources, so a failed assertion leaves nothing running.
 */
class HttpbinDriverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersGetWithJsonDescribingTheRequest() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("httpbin", Map.of("port", "0"))) {
            int port = port(daemon);
            assertEquals("http://127.0.0.1:" + port, daemon.url());
            assertEquals(daemon.url(), daemon.environment().get("PIFPAF_URL"));
            assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));

            HttpResponse<String> response = get(daemon.url() + "/get?greeting=hello");
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
            JsonNode body = JSON.readTree(response.body());
            assertEquals("hello", body.path("args").path("greeting").asText(), response::body);
            assertEquals(daemon.url() + "/get?greeting=hello", body.path("url").asText(), response::body);
            assertTrue(java.nio.file.Files.readString(daemon.logFile()).contains(
                    "Starting gunicorn " + DriverTestKit.listedVersion("httpbin")),
                    "list-drivers shows the version of the gunicorn that serves httpbin");
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortGivesTheOriginalUrlAndTheClientsOrigin() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("httpbin", Map.of("port", "6666"))) {
            assertEquals("http://127.0.0.1:6666", daemon.url());
            assertEquals("http://127.0.0.1:6666", daemon.environment().get("PIFPAF_URL"));
            assertEquals("6666", daemon.environment().get("PIFPAF_HTTPBIN_PORT"));

            HttpResponse<String> response = get("http://127.0.0.1:6666/ip");
            assertEquals(200, response.statusCode());
            assertEquals("127.0.0.1", JSON.readTree(response.body()).path("origin").asText(), response::body);
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listensOnLoopbackAndLogsEachRequest() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("httpbin", Map.of("port", "0"))) {
            assertEquals(404, get(daemon.url() + "/no-such-page").statusCode());
            assertEquals(daemon.dataDir().resolve("httpbin.log"), daemon.process("httpbin").logFile());
            String log = logOnceItHas(daemon, "\"GET /no-such-page HTTP/1.1\" 404");
            assertTrue(log.contains("Listening at: http://127.0.0.1:" + port(daemon) + " "), log);
            assertTrue(log.contains("\"GET /no-such-page HTTP/1.1\" 404"), log);
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void answersAnotherRequestWhileOneIsDelayed() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("httpbin", Map.of("port", "0"))) {
            CompletableFuture<HttpResponse<String>> delayed = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(daemon.url() + "/delay/5")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get(daemon.url() + "/get").statusCode());
            assertFalse(delayed.isDone(), "the quick request waited for the delayed one");
            assertEquals(200, delayed.get().statusCode());
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("httpbin", "port", Map.of());
    }

    @Test
    void missingPiecesNameTheirDebianPackages() {
        Binary gunicorn = new HttpbinDriver().binaries().get(0);
        assertEquals("gunicorn not found; install it with 'apt-get install gunicorn'",
                new MissingBinaryException(gunicorn).getMessage());
        assertEquals("httpbin (Python module) not found; install it with 'apt-get install python3-httpbin'",
                new MissingBinaryException(HttpbinDriver.HTTPBIN_MODULE).getMessage());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The daemon's log once {@code line} is in it, or after 10 s: gunicorn writes a request's
     * access-log line after it sent the answer, so on a busy machine the client can be first.
     */
    private static String logOnceItHas(RunningDaemon daemon, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = Files.readString(daemon.logFile());
        while (!log.contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            log = Files.readString(daemon.logFile());
        }
        return log;
    }

    private static int port(RunningDaemon daemon) {
        String value = daemon.environment().get("PIFPAF_HTTPBIN_PORT");
        assertTrue(value != null && value.matches("[1-9][0-9]*"), "PIFPAF_HTTPBIN_PORT=" + value);
        return Integer.parseInt(value);
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("httpbin", Map.of());
    }
}
