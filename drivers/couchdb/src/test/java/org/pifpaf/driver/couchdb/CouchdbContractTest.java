package org.pifpaf.driver.couchdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.contract.FakeExecutable;

/**
 * The couchdb driver by contract, for both command lines (no registry here has CouchDB): a fake
 * release of CouchDB 3 (its {@code couchdb} and {@code epmd}, {@code releases/start_erl.data},
 * {@code etc/}) and a fake CouchDB 1.x {@code couchdb}, each accepting only the exact arguments,
 * variables and files the driver must hand it, then serving the welcome.
 */
class CouchdbContractTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    private Path release;

    @BeforeEach
    void fakeRelease() throws IOException {
        release = Files.createDirectories(tmp.resolve("opt/couchdb")).toRealPath();
        CouchdbFakes.release(release);
    }

    private StartRequest.Builder couchdb3() {
        return StartRequest.builder("couchdb").binaryDirectory(release.resolve("bin"));
    }

    private static HttpResponse<String> get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOriginalsPortGivesTheOriginalUrlAndTheWelcome() throws Exception {
        try (ServerSocket probe = new ServerSocket(6984, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (IOException taken) {
            Assumptions.abort("port 6984 is taken");
        }
        RunningDaemon daemon = DriverTestKit.start(couchdb3().option("port", "6984").build());
        try {
            assertEquals("couchdb://localhost:6984", daemon.url());
            assertEquals("6984", daemon.environment().get("PIFPAF_COUCHDB_PORT"));
            assertTrue(get("http://localhost:6984/", null, null).body().contains("\"couchdb\":\"Welcome\""));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void couchdb3GetsItsOwnFilesEpmdAndAdmin() throws Exception {
        RunningDaemon daemon = DriverTestKit.start(couchdb3().option("port", "0").build());
        try {
            Map<String, String> env = daemon.environment();
            Map<String, String> node = FakeExecutable.capturesIn(daemon.dataDir().resolve("couchdb.log"));
            Map<String, String> epmd = FakeExecutable.capturesIn(daemon.dataDir().resolve("epmd.log"));
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_COUCHDB_PORT", "PIFPAF_URL", "PIFPAF_COUCHDB_USERNAME",
                    "PIFPAF_COUCHDB_PASSWORD", "PIFPAF_HTTP_URL"), List.copyOf(env.keySet()));
            assertEquals(node.get("port"), env.get("PIFPAF_COUCHDB_PORT"));
            assertEquals(node.get("password"), env.get("PIFPAF_COUCHDB_PASSWORD"));
            assertEquals("pifpaf", env.get("PIFPAF_COUCHDB_USERNAME"));
            assertEquals("http://pifpaf:" + node.get("password") + "@localhost:" + node.get("port"), env.get("PIFPAF_HTTP_URL"));
            // The node talks to the epmd started for it; every port is a port of its own.
            assertEquals(epmd.get("epmd"), node.get("epmd"));
            assertEquals(4, java.util.Set.of(node.get("port"), node.get("nodeLocal"), node.get("dist"), node.get("epmd")).size(),
                    node.toString());
            assertNotEquals(node.get("cookie"), node.get("password"));
            // The admin's credentials open what CouchDB 3 keeps for admins.
            String base = "http://localhost:" + env.get("PIFPAF_COUCHDB_PORT");
            assertEquals(200, get(base + "/_all_dbs", env.get("PIFPAF_COUCHDB_USERNAME"), env.get("PIFPAF_COUCHDB_PASSWORD"))
                    .statusCode());
            assertEquals(401, get(base + "/_all_dbs", "pifpaf", "wrong").statusCode());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnceAndTwoNodesRunSideBySide() {
        DriverTestKit.assertStartFailsOnTakenPort(couchdb3().build(), "port");
        DriverTestKit.assertTwoInstancesCoexist(couchdb3().build());
    }

    @Test
    void aNodeAnsweringWithoutTheWelcomeIsNotReady() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other/opt/couchdb")).toRealPath();
        CouchdbFakes.release(other, "{\"status\":\"ok\"}");
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                StartRequest.builder("couchdb").binaryDirectory(other.resolve("bin")).option("port", "0")
                        .timeout(Duration.ofSeconds(2)).build()));
        assertTrue(e.getMessage().contains("was not ready after 2s (waiting for HTTP 200 with '\"couchdb\":\"Welcome\"'"
                + " in the body from http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("last answer: status 200 without the text"), e.getMessage());
    }

    @Test
    void couchdb1IsStartedAsTheOriginalDid() throws Exception {
        Path bin = CouchdbFakes.oneDotX(tmp.resolve("couchdb1"));
        RunningDaemon daemon = DriverTestKit.start(StartRequest.builder("couchdb").binaryDirectory(bin)
                .option("port", "0").build());
        try {
            String port = FakeExecutable.capturesIn(daemon.dataDir().resolve("couchdb.log")).get("port");
            assertEquals("couchdb://localhost:" + port, daemon.url());
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_COUCHDB_PORT", "PIFPAF_URL", "PIFPAF_HTTP_URL"),
                    List.copyOf(daemon.environment().keySet()));
            assertEquals("http://localhost:" + port, daemon.environment().get("PIFPAF_HTTP_URL"));
            assertTrue(get(daemon.environment().get("PIFPAF_HTTP_URL") + "/", null, null).body()
                    .contains("\"couchdb\":\"Welcome\""));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aScriptRunningAReleaseFoundNowhereIsRefusedNotTakenFor1x() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("wrapper/bin"));
        Path script = bin.resolve("couchdb");
        Files.writeString(script, "#!/bin/sh\nexec \"$BINDIR/erlexec\" -boot couchdb \"$@\"\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                StartRequest.builder("couchdb").binaryDirectory(bin).option("port", "0").build()));
        assertTrue(e.getMessage().contains(script + " runs CouchDB 2 or later, but no release"), e.getMessage());
    }

    @Test
    void aMissingCouchdbSaysWhereToGetIt() {
        assertEquals("couchdb not found; install it with 'brew install couchdb' or 'apt-get install couchdb' from"
                + " Apache CouchDB's apt repository", new MissingBinaryException(CouchdbDriver.COUCHDB).getMessage());
    }
}
