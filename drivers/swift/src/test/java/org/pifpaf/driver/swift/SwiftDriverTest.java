package org.pifpaf.driver.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/**
 * The swift driver against the real Swift servers, used with python-swiftclient's {@code swift}
 * and with plain HTTP, through nothing but the exported variables. A start takes seconds, so one
 * Swift, on free ports, serves most tests of the class.
 */
class SwiftDriverTest {

    /** Every port option free, as the Java fixtures give them. */
    static final Map<String, String> FREE_PORTS = Map.of("port", "0", "object-port", "0", "container-port", "0",
            "account-port", "0", "memcached-port", "0");

    private static RunningDaemon swift;

    @BeforeAll
    static void startOneSwiftForTheClass() {
        swift = DriverTestKit.start("swift", FREE_PORTS);
    }

    @AfterAll
    static void stopItLeavingNothing() {
        if (swift != null) {
            stopLeavingNothing(swift);
        }
    }

    @Test
    void exportsTheOriginalVariablesForItsPort() {
        Map<String, String> env = swift.environment();
        String port = env.get("PIFPAF_SWIFT_PORT");
        assertTrue(port.matches("[1-9][0-9]*"), port);
        String url = "swift://test%3Atester:testing@localhost:" + port + "/auth/v1.0";
        assertEquals(url, swift.url());
        assertEquals(url, env.get("PIFPAF_URL"));
        assertEquals(url, env.get("PIFPAF_SWIFT_URL"));
        assertEquals("http://localhost:" + port + "/auth/v1.0", env.get("PIFPAF_SWIFT_AUTH_URL"));
        assertEquals("test:tester", env.get("PIFPAF_SWIFT_USERNAME"));
        assertEquals("testing", env.get("PIFPAF_SWIFT_PASSWORD"));
        // The nested Memcached's variables come first; Swift's URL takes the place of Memcached's.
        assertEquals(List.of("PIFPAF_DATA", "PIFPAF_MEMCACHED_PORT", "PIFPAF_URL", "PIFPAF_SWIFT_PORT",
                "PIFPAF_SWIFT_USERNAME", "PIFPAF_SWIFT_PASSWORD", "PIFPAF_SWIFT_AUTH_URL", "PIFPAF_SWIFT_URL"),
                new ArrayList<>(env.keySet()));
        assertEquals(swift.dataDir().toString(), env.get("PIFPAF_DATA"));
    }

    @Test
    void swiftStatShowsTheTestAccountWithTheStartsOwnCheckInIt() {
        ClientResult stat = client(swift, "stat");
        assertEquals(0, stat.status(), stat.output());
        assertTrue(stat.output().contains("Account: AUTH_test"), stat.output());
        // The start's own check uploaded pifpaf_test_file into the container pifpaf, as the original's.
        ClientResult list = client(swift, "list", "pifpaf");
        assertEquals(0, list.status(), list.output());
        assertEquals("pifpaf_test_file", list.output().strip());
    }

    @Test
    void swiftUploadsListsAndDownloadsAnObject(@TempDir Path files) throws IOException {
        Path greeting = Files.writeString(files.resolve("greeting.txt"), "hello from pifpaf\n");
        Path readBack = files.resolve("read-back.txt");

        ClientResult upload = client(swift, "upload", "round-trip", greeting.toString(), "--object-name", "greeting.txt");
        assertEquals(0, upload.status(), upload.output());
        ClientResult list = client(swift, "list", "round-trip");
        assertEquals(0, list.status(), list.output());
        assertEquals("greeting.txt", list.output().strip());
        ClientResult download = client(swift, "download", "round-trip", "greeting.txt", "-o", readBack.toString());
        assertEquals(0, download.status(), download.output());
        assertEquals("hello from pifpaf\n", Files.readString(readBack));
    }

    @Test
    void objectMetadataRoundTripsThroughTheExtendedAttributesOfTheDataFile(@TempDir Path files) throws IOException {
        Path painted = Files.writeString(files.resolve("painted"), "paint\n");
        ClientResult upload = client(swift, "upload", "-H", "X-Object-Meta-Colour: blue", "metadata", painted.toString(),
                "--object-name", "painted");
        assertEquals(0, upload.status(), upload.output());
        assertTrue(client(swift, "stat", "metadata", "painted").output().contains("Meta Colour: blue"));
        ClientResult post = client(swift, "post", "metadata", "painted", "-m", "Shade:dark");
        assertEquals(0, post.status(), post.output());

        ClientResult stat = client(swift, "stat", "metadata", "painted");
        assertEquals(0, stat.status(), stat.output());
        // A POST replaces an object's metadata: only the newer item is left.
        assertTrue(stat.output().contains("Meta Shade: dark"), stat.output());
        assertFalse(stat.output().contains("Meta Colour"), stat.output());

        List<Path> dataFiles;
        try (Stream<Path> walk = Files.walk(swift.dataDir().resolve("data/fakedisk/objects"))) {
            dataFiles = walk.filter(f -> f.toString().endsWith(".data")).toList();
        }
        boolean found = false;
        for (Path dataFile : dataFiles) {
            UserDefinedFileAttributeView xattrs = Files.getFileAttributeView(dataFile, UserDefinedFileAttributeView.class);
            assertTrue(xattrs.list().contains("swift.metadata"), dataFile + ": " + xattrs.list());
            ByteBuffer value = ByteBuffer.allocate(xattrs.size("swift.metadata"));
            xattrs.read("swift.metadata", value);
            found |= new String(value.array(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("/AUTH_test/metadata/painted");
        }
        assertTrue(found, "no data file holds the object's metadata: " + dataFiles);
    }

    @Test
    void plainHttpAuthenticatesThroughTheAuthUrlAndStoresAnObject() throws Exception {
        Map<String, String> env = swift.environment();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(env.get("PIFPAF_SWIFT_AUTH_URL")))
                .header("X-Auth-User", env.get("PIFPAF_SWIFT_USERNAME"))
                .header("X-Auth-Key", env.get("PIFPAF_SWIFT_PASSWORD")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, auth.statusCode(), auth.body());
        String storage = auth.headers().firstValue("X-Storage-Url").orElseThrow();
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        assertEquals("http://localhost:" + env.get("PIFPAF_SWIFT_PORT") + "/v1/AUTH_test", storage);

        HttpResponse<String> container = http.send(HttpRequest.newBuilder(URI.create(storage + "/http"))
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, container.statusCode(), container.body());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(storage + "/http/greeting"))
                .header("X-Auth-Token", token).PUT(HttpRequest.BodyPublishers.ofString("hello over HTTP")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, put.statusCode(), put.body());
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(storage + "/http/greeting"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, get.statusCode());
        assertEquals("hello over HTTP", get.body());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(storage + "/http/greeting")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "TempAuth lets no one in without a token");
    }

    @Test
    void infoShowsTheListedSwiftVersionAndTheDataDirectorysOwnStoragePolicy() throws Exception {
        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + swift.environment().get("PIFPAF_SWIFT_PORT") + "/info")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, info.statusCode());
        Matcher version = Pattern.compile("\"swift\": *\\{.*?\"version\": *\"([^\"]+)\"").matcher(info.body());
        assertTrue(version.find(), info.body());
        assertEquals(DriverTestKit.listedVersion("swift"), version.group(1));
        // Swift's default policy: none of /etc/swift/swift.conf's (Debian's names aliases for it).
        assertTrue(info.body().contains("\"policies\": [{\"name\": \"Policy-0\", \"aliases\": \"Policy-0\","
                + " \"default\": true}]"), info.body());
    }

    @Test
    void eachServerIsOneProcessRunAsTheUnprivilegedUserUnderRoot() throws IOException {
        Map<String, Long> servers = new HashMap<>();
        for (DaemonProcess process : swift.processes()) {
            servers.put(process.label(), process.pid());
        }
        for (String server : List.of("swift-proxy-server", "swift-account-server", "swift-container-server",
                "swift-object-server", "memcached")) {
            assertTrue(servers.containsKey(server), servers.toString());
        }
        List<String> running = ProcessesOf.dataDir(swift.dataDir());
        assertEquals(4, running.stream().filter(p -> p.contains("/swift-")).count(), "no forked workers: " + running);
        if ("root".equals(System.getProperty("user.name"))) {
            for (String server : List.of("swift-proxy-server", "swift-object-server")) {
                String status = Files.readString(Path.of("/proc", servers.get(server).toString(), "status"));
                assertFalse(status.lines().anyMatch(line -> line.matches("Uid:\\s+0\\s.*")), server + " runs as root");
            }
        }
    }

    @Test
    void declaresItsBinariesWithTheirDebianPackagesAndTheNestedMemcached() {
        SwiftDriver driver = new SwiftDriver();
        assertEquals(List.of("swift-proxy-server", "swift-account-server", "swift-container-server",
                "swift-object-server", "swift", "python3"), driver.binaries().stream().map(b -> b.name()).toList());
        assertEquals(List.of("swift-proxy", "swift-account", "swift-container", "swift-object", "python3-swiftclient",
                "python3-swift"), driver.binaries().stream().map(b -> b.debianPackage()).toList());
        assertEquals(List.of("port=8080", "object-port=5062", "container-port=5061", "account-port=5060",
                "memcached-port=5063"), driver.options().stream().map(o -> o.name() + "=" + o.defaultValue()).toList());
        assertEquals(List.of("memcached"), driver.nestedDrivers().stream().map(n -> n.name()).toList());
    }

    /** Stops {@code daemon} and checks that no process of its data directory and no file is left. */
    static void stopLeavingNothing(RunningDaemon daemon) {
        assertNotEquals(List.of(), ProcessesOf.dataDir(daemon.dataDir()), "the check below would see nothing");
        DriverTestKit.closeAndAssertNothingLeft(daemon);
        assertEquals(List.of(), ProcessesOf.dataDir(daemon.dataDir()));
    }

    /** Runs {@code swift} with the test account and auth URL the daemon exported, under any prefix. */
    static ClientResult client(RunningDaemon daemon, String... args) {
        Map<String, String> env = daemon.environment();
        String prefix = env.keySet().iterator().next().replaceFirst("_DATA$", "");
        List<String> argv = new ArrayList<>(List.of(Files.isExecutable(Path.of("/usr/bin/swift")) ? "/usr/bin/swift" : "swift",
                "-A", env.get(prefix + "_SWIFT_AUTH_URL"), "-U", env.get(prefix + "_SWIFT_USERNAME"),
                "-K", env.get(prefix + "_SWIFT_PASSWORD")));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, environment -> {
            environment.keySet().removeIf(name -> name.startsWith("OS_") || name.startsWith("ST_"));
            environment.putAll(env);
        });
    }
}
