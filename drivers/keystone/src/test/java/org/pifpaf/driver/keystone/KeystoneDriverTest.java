package org.pifpaf.driver.keystone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/**
 * The keystone driver against the real Keystone, spoken to with java.net.http and the
 * {@code openstack} client. One Keystone serves the tests that only look at it, and must not
 * read {@code /etc/keystone} ({@link EtcKeystoneGuard}); the others start their own.
 */
class KeystoneDriverTest {

    private static final String OPENSTACK = Files.isExecutable(Path.of("/usr/bin/openstack")) ? "/usr/bin/openstack" : "openstack";
    // HTTP/1.1 from the first request: the servers (wsgiref) speak HTTP/1.0, and a POST that opens
    // a connection with an h2c upgrade offer once came back empty under load.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path guardDir;
    private static EtcKeystoneGuard guard;
    private static RunningDaemon keystone;

    @BeforeAll
    static void startKeystone() throws IOException {
        guard = EtcKeystoneGuard.in(guardDir);
        keystone = DriverTestKit.start(StartRequest.builder("keystone").option("port", "0").option("admin-port", "0")
                .environment(guard.environment()).build());
    }

    @AfterAll
    static void stopKeystone() throws IOException {
        if (keystone != null) {
            DriverTestKit.closeAndAssertNothingLeft(keystone);
        }
        assertEquals(List.of(), guard.reads(), "Keystone read /etc/keystone");
    }

    @Test
    void theServersRunWithTheGuardThatRefusesEtcKeystone() throws IOException {
        Path probeNotes = guardDir.resolve("probe-reads");
        ClientResult refused = serverPython("open('/etc/keystone/keystone.conf')", Map.of(EtcKeystoneGuard.NOTES,
                probeNotes.toString()));
        assertNotEquals(0, refused.status(), refused.output());
        assertTrue(refused.output().contains("FileNotFoundError: [Errno 2] not read by a pifpaf Keystone"), refused.output());
        assertEquals(List.of("/etc/keystone/keystone.conf"), Files.readAllLines(probeNotes));
    }

    @Test
    void listDriversShowsTheVersionOfTheKeystoneTheServersImport() throws IOException {
        // Keystone tells clients its API's version only: the package's is what the server's
        // interpreter, in the server's environment, imports.
        ClientResult imported = serverPython("import importlib.metadata as m; print(m.version('keystone'))", Map.of());
        assertEquals(0, imported.status(), imported.output());
        assertEquals(imported.output().strip(), DriverTestKit.listedVersion("keystone"));
    }

    @Test
    void exportsTheOriginalVariablesThenTheClientsDomain() {
        Map<String, String> env = keystone.environment();
        String port = env.get("PIFPAF_KEYSTONE_PORT");
        String adminPort = env.get("PIFPAF_KEYSTONE_ADMIN_PORT");
        assertTrue(port.matches("[1-9][0-9]*"), "PIFPAF_KEYSTONE_PORT=" + port);
        assertTrue(adminPort.matches("[1-9][0-9]*") && !adminPort.equals(port), "PIFPAF_KEYSTONE_ADMIN_PORT=" + adminPort);
        assertEquals("keystone://localhost:" + port, keystone.url());
        assertEquals(keystone.url(), env.get("PIFPAF_URL"));
        assertEquals("http://localhost:" + port, env.get("PIFPAF_KEYSTONE_HTTP_URL"));
        assertEquals("http://localhost:" + port, env.get("OS_AUTH_URL"));
        assertEquals("admin", env.get("OS_PROJECT_NAME"));
        assertEquals("admin", env.get("OS_USERNAME"));
        assertTrue(env.get("OS_PASSWORD").matches("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}"), env.get("OS_PASSWORD"));
        assertEquals("Default", env.get("OS_USER_DOMAIN_NAME"));
        assertEquals("Default", env.get("OS_PROJECT_DOMAIN_NAME"));
        assertEquals("3", env.get("OS_IDENTITY_API_VERSION"));
        assertEquals(List.of("PIFPAF_DATA", "OS_AUTH_URL", "OS_PROJECT_NAME", "OS_USERNAME", "OS_PASSWORD",
                "OS_USER_DOMAIN_NAME", "OS_PROJECT_DOMAIN_NAME", "OS_IDENTITY_API_VERSION", "PIFPAF_KEYSTONE_PORT",
                "PIFPAF_KEYSTONE_ADMIN_PORT", "PIFPAF_URL", "PIFPAF_KEYSTONE_HTTP_URL"), new ArrayList<>(env.keySet()));
    }

    @Test
    void theHttpUrlAnswersWithTheApiVersions() throws Exception {
        // The original pifpaf test: GET $PIFPAF_KEYSTONE_HTTP_URL answers 300 Multiple Choices.
        HttpResponse<String> versions = get(keystone.environment().get("PIFPAF_KEYSTONE_HTTP_URL"));
        assertEquals(300, versions.statusCode(), versions.body());
        assertTrue(versions.body().contains("\"id\": \"v3."), versions.body());
    }

    @Test
    void theAdminPortServesTheApiToo() throws Exception {
        String adminUrl = "http://localhost:" + keystone.environment().get("PIFPAF_KEYSTONE_ADMIN_PORT");
        assertEquals(300, get(adminUrl).statusCode());
        assertEquals(200, get(adminUrl + "/v3/projects", token(keystone, adminUrl)).statusCode());
    }

    @Test
    void openstackIssuesATokenWithTheExportedVariablesAlone() {
        ClientResult token = openstack(keystone, "token", "issue", "-f", "value", "-c", "id");
        assertEquals(0, token.status(), token.output());
        assertTrue(token.output().strip().matches("[A-Za-z0-9_=-]{100,}"), token.output());
    }

    @Test
    void theCatalogHasTheOriginalEndpoints() {
        Map<String, String> env = keystone.environment();
        ClientResult endpoints = openstack(keystone, "endpoint", "list", "-f", "value",
                "-c", "Region", "-c", "Service Name", "-c", "Interface", "-c", "URL");
        assertEquals(0, endpoints.status(), endpoints.output());
        assertEquals(List.of(
                "Pifpaf keystone admin http://localhost:" + env.get("PIFPAF_KEYSTONE_ADMIN_PORT"),
                "Pifpaf keystone internal http://localhost:" + env.get("PIFPAF_KEYSTONE_PORT"),
                "Pifpaf keystone public http://localhost:" + env.get("PIFPAF_KEYSTONE_PORT")),
                endpoints.output().strip().lines().sorted().toList());
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        InetAddress external = nonLoopbackAddress();
        Assumptions.assumeTrue(external != null, "this machine has no address but loopback");
        for (String port : List.of("PIFPAF_KEYSTONE_PORT", "PIFPAF_KEYSTONE_ADMIN_PORT")) {
            InetSocketAddress address = new InetSocketAddress(external, Integer.parseInt(keystone.environment().get(port)));
            assertThrows(ConnectException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 2000);
                }
            }, "reachable at " + address);
        }
    }

    @Test
    void serversRunUnprivilegedWithTheDataDirectoryAsHome() throws IOException {
        // HOME is how Keystone's middlewares find the private keystone.conf, not /etc/keystone's.
        boolean root = "root".equals(System.getProperty("user.name"));
        for (String label : List.of("public", "admin")) {
            Path proc = Path.of("/proc", Long.toString(keystone.process(label).pid()));
            String owner = Files.getOwner(proc).getName();
            assertEquals(root ? StartRequest.builder("keystone").build().runAs() : System.getProperty("user.name"), owner, label);
            List<String> environment = List.of(Files.readString(proc.resolve("environ")).split("\0"));
            assertTrue(environment.contains("HOME=" + keystone.dataDir()), label + ": " + environment);
        }
    }

    @Test
    void variablesFollowTheChosenPrefix() {
        RunningDaemon identity = DriverTestKit.start(StartRequest.builder("keystone")
                .option("port", "0").option("admin-port", "0").prefix("IDENTITY").build());
        try {
            Map<String, String> env = identity.environment();
            String port = env.get("IDENTITY_KEYSTONE_PORT");
            assertEquals("keystone://localhost:" + port, env.get("IDENTITY_URL"));
            assertEquals("http://localhost:" + port, env.get("IDENTITY_KEYSTONE_HTTP_URL"));
            assertTrue(env.containsKey("IDENTITY_KEYSTONE_ADMIN_PORT"));
            assertEquals("http://localhost:" + port, env.get("OS_AUTH_URL"), "raw variables keep their names");
            assertFalse(env.keySet().stream().anyMatch(name -> name.startsWith("PIFPAF_")), env.toString());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(identity);
        }
    }

    @Test
    void laterStartsCopyTheCachedDatabaseAndKeysYetShareNoUsers(@TempDir Path cache) throws Exception {
        StartRequest request = StartRequest.builder("keystone").option("port", "0").option("admin-port", "0")
                .cacheDir(cache.resolve("pifpaf")).build();
        RunningDaemon first = DriverTestKit.start(request);
        try {
            RunningDaemon second = DriverTestKit.start(request);
            try {
                assertTrue(Files.exists(first.dataDir().resolve("db_sync.log")), "the first start ran db_sync");
                assertFalse(Files.exists(second.dataDir().resolve("db_sync.log")), "the second start ran db_sync");
                assertNotEquals(first.environment().get("OS_PASSWORD"), second.environment().get("OS_PASSWORD"));
                // Same keys, but each bootstrap made its own users and projects: the second
                // decrypts the first's token but knows nothing it names (404; 401 with other keys).
                String firstUrl = first.environment().get("OS_AUTH_URL");
                String secondUrl = second.environment().get("OS_AUTH_URL");
                String firstToken = token(first, firstUrl);
                assertEquals(200, get(firstUrl + "/v3/projects", firstToken).statusCode());
                HttpResponse<String> crossed = get(secondUrl + "/v3/projects", firstToken);
                assertTrue(crossed.statusCode() == 404 || crossed.statusCode() == 401, crossed.statusCode() + " " + crossed.body());
                assertEquals(200, get(secondUrl + "/v3/projects", token(second, secondUrl)).statusCode());
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(second);
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(first);
        }
    }

    @Test
    void aTakenPublicPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("keystone", "port", Map.of("admin-port", "0"));
    }

    @Test
    void aTakenAdminPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("keystone", "admin-port", Map.of("port", "0"));
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("keystone", Map.of());
    }

    @Test
    void aMissingKeystoneNamesItsDebianPackage() {
        assertEquals("keystone-manage not found; install it with 'apt-get install python3-keystone'",
                new MissingBinaryException(KeystoneDriver.KEYSTONE_MANAGE).getMessage());
    }

    /** Python {@code code} run by the public server's interpreter, in its environment with {@code overrides}. */
    private static ClientResult serverPython(String code, Map<String, String> overrides) throws IOException {
        Path proc = Path.of("/proc", Long.toString(keystone.process("public").pid()));
        String python = proc.resolve("exe").toRealPath().toString();
        List<String> environment = List.of(Files.readString(proc.resolve("environ")).split("\0"));
        return DriverTestKit.runClient(List.of(python, "-c", code), env -> {
            env.clear();
            environment.forEach(variable -> env.put(variable.substring(0, variable.indexOf('=')),
                    variable.substring(variable.indexOf('=') + 1)));
            env.putAll(overrides);
        });
    }

    /** The openstack client with the daemon's variables and none of this machine's own OS_*. */
    private static ClientResult openstack(RunningDaemon daemon, String... args) {
        List<String> argv = new ArrayList<>(List.of(OPENSTACK));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> {
            env.keySet().removeIf(name -> name.startsWith("OS_"));
            env.putAll(daemon.environment());
        });
    }

    /** A project-scoped token for the daemon's admin, issued by the API at {@code url}. */
    private static String token(RunningDaemon daemon, String url) throws IOException, InterruptedException {
        String body = """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin",
                  "domain": {"name": "Default"}, "password": "%s"}}},
                  "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
                """.formatted(daemon.environment().get("OS_PASSWORD"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // Twice in CI, never elsewhere: the connection closed with no answer. A server that
            // died fails here, with its log; one still running is asked once more.
            DaemonProcess server = daemon.process("public");
            String log = Files.exists(server.logFile()) ? Files.readString(server.logFile()) : "(no log)";
            assertTrue(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false),
                    "the public server died: " + e + "\n" + log.substring(Math.max(0, log.length() - 4000)));
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : nic.inetAddresses().toList()) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }
}
