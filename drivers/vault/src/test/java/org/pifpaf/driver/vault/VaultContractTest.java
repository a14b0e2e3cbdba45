package org.pifpaf.driver.vault;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.contract.FakeExecutable;
import org.pifpaf.testkit.contract.Invocation;
import org.pifpaf.testkit.contract.Route;

/**
 * The vault driver by contract (no registry here has Vault): a fake {@code vault} accepts only
 * the exact dev-server command line and environment, then answers as the dev server does: the
 * line the driver waits for, and the token API on the listen address.
 */
class VaultContractTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path bin;

    /** A dev server handed exactly this token and address (templates capturing token and port). */
    private StartRequest.Builder vault(String token, String address) {
        FakeExecutable.named("vault")
                .on(Invocation.withArgs("server", "-dev", "-dev-root-token-id=" + token, "-dev-listen-address=" + address)
                        .env("HOME", "${data}")
                        .servesHttp("${port}", Route.get("/v1/sys/health", 200, "{\"initialized\":true,\"sealed\":false}"),
                                Route.get("/v1/auth/token/lookup-self", 200, "{\"data\":{\"id\":\"${token}\"}}")
                                        .withHeader("X-Vault-Token", "${token}"))
                        .prints("==> Vault server started! Log data will stream in below:"))
                .writeInto(bin);
        return StartRequest.builder("vault").binaryDirectory(bin);
    }

    private static Map<String, String> captures(RunningDaemon daemon) {
        return FakeExecutable.capturesIn(daemon.dataDir().resolve("vault.log"));
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOriginalsListenAddressGivesTheOriginalVariablesAndTheVaultCommandsOwn() throws Exception {
        try (ServerSocket probe = new ServerSocket(5049, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (IOException taken) {
            Assumptions.abort("port 5049 is taken");
        }
        RunningDaemon daemon = DriverTestKit.start(vault("${token:" + UUID + "}", "localhost:${port:5049}")
                .option("listen-address", "localhost:5049").build());
        try {
            Map<String, String> env = daemon.environment();
            String token = captures(daemon).get("token");
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_ROOT_TOKEN", "PIFPAF_VAULT_ADDR", "PIFPAF_URL", "VAULT_ADDR",
                    "VAULT_TOKEN"), List.copyOf(env.keySet()));
            assertEquals("http://localhost:5049", daemon.url());
            assertEquals("http://localhost:5049", env.get("PIFPAF_VAULT_ADDR"));
            assertEquals("http://localhost:5049", env.get("VAULT_ADDR"));
            assertEquals(token, env.get("PIFPAF_ROOT_TOKEN"));
            assertEquals(token, env.get("VAULT_TOKEN"));
            // What a client does with them: the dev server knows the token it was handed.
            assertEquals(200, get(env.get("VAULT_ADDR") + "/v1/auth/token/lookup-self", env.get("VAULT_TOKEN")).statusCode());
            assertEquals(401, get(env.get("VAULT_ADDR") + "/v1/auth/token/lookup-self", "another").statusCode());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void byDefaultAFreePortOfLoopbackAndARandomTokenEachTime() throws Exception {
        StartRequest request = vault("${token:" + UUID + "}", "127.0.0.1:${port:\\d+}").option("port", "0").build();
        RunningDaemon first = DriverTestKit.start(request);
        RunningDaemon second = DriverTestKit.start(request);
        try {
            String port = captures(first).get("port");
            assertEquals("http://127.0.0.1:" + port, first.url());
            assertNotEquals("8200", port);
            assertSuccessorFree(port);
            assertEquals(200, get(first.url() + "/v1/sys/health", null).statusCode());
            assertNotEquals(first.environment().get("PIFPAF_ROOT_TOKEN"), second.environment().get("PIFPAF_ROOT_TOKEN"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(first);
            DriverTestKit.closeAndAssertNothingLeft(second);
        }
    }

    @Test
    void aGivenTokenAndAListenAddressWithPortZero() throws Exception {
        RunningDaemon daemon = DriverTestKit.start(vault("${token:s3cret}", "localhost:${port:\\d+}")
                .option("root-token-id", "s3cret").option("listen-address", "localhost:0").build());
        try {
            String port = captures(daemon).get("port");
            assertNotEquals("0", port);
            assertSuccessorFree(port);
            assertEquals("http://localhost:" + port, daemon.environment().get("VAULT_ADDR"));
            assertEquals("s3cret", daemon.environment().get("VAULT_TOKEN"));
            assertEquals(200, get(daemon.url() + "/v1/auth/token/lookup-self", "s3cret").statusCode());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnceAndTwoServersRunSideBySide() {
        DriverTestKit.assertStartFailsOnTakenPort(vault("${token:" + UUID + "}", "127.0.0.1:${port:\\d+}").build(), "port");
        DriverTestKit.assertTwoInstancesCoexist(vault("${token:" + UUID + "}", "127.0.0.1:${port:\\d+}").build());
    }

    @Test
    void aGivenPortWhoseSuccessorIsTakenFailsAtOnceSayingWhy() throws IOException {
        // The dev server would bind its cluster listener there and exit.
        try (ServerSocket successor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = successor.getLocalPort() - 1;
            Assumptions.assumeTrue(bindable(port), "port " + port + " is taken");
            StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                    vault("${token:x}", "127.0.0.1:${port:\\d+}").option("port", Integer.toString(port)).build()));
            assertEquals(StartFailedException.Reason.PORT_IN_USE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("port " + (port + 1) + " (--port " + port
                    + " + 1, which the daemon binds too) is already in use"), e.getMessage());
        }
    }

    /** The cluster listener's port, one above the API's, was free: nothing holds it. */
    private static void assertSuccessorFree(String port) {
        int successor = Integer.parseInt(port) + 1;
        assertTrue(bindable(successor), "port " + successor + " is taken");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aServerHandedAnythingElseFailsTheStartWithTheFakesWords() {
        // The contract is exact: a fake expecting another token refuses, and the start says why.
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                vault("${token:other}", "127.0.0.1:${port:\\d+}").option("port", "0").build()));
        assertTrue(String.join("\n", e.logTail()).contains("contract broken: the arguments [server, -dev,"),
                String.join("\n", e.logTail()));
    }

    @Test
    void aListenAddressWithoutAPortIsRefused() {
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                vault("${token:x}", "${address:.*}").option("listen-address", "localhost").build()));
        assertTrue(e.getMessage().contains("--listen-address localhost is not host:port"), e.getMessage());
    }

    @Test
    void aMissingVaultSaysWhereToGetIt() {
        assertEquals("vault not found; install it with 'brew install hashicorp/tap/vault' or 'apt-get install vault'"
                        + " from HashiCorp's apt repository or the binary of HashiCorp's release archive, on PATH",
                new MissingBinaryException(VaultDriver.VAULT).getMessage());
    }
}
