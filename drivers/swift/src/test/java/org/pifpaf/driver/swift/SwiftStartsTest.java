package org.pifpaf.driver.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/** Starts of their own: the defaults, another prefix, two side by side, and starts that must fail. */
class SwiftStartsTest {

    @Test
    void onTheDefaultPortsTheVariablesAreTheOriginals() {
        for (int port : List.of(8080, 5060, 5061, 5062, 5063)) {
            Assumptions.assumeTrue(isFree(port), "port " + port + " is taken here");
        }
        RunningDaemon swift = DriverTestKit.start("swift", Map.of());
        try {
            Map<String, String> env = swift.environment();
            assertEquals("http://localhost:8080/auth/v1.0", env.get("PIFPAF_SWIFT_AUTH_URL"));
            assertEquals("8080", env.get("PIFPAF_SWIFT_PORT"));
            assertEquals("test:tester", env.get("PIFPAF_SWIFT_USERNAME"));
            assertEquals("testing", env.get("PIFPAF_SWIFT_PASSWORD"));
            assertEquals("swift://test%3Atester:testing@localhost:8080/auth/v1.0", env.get("PIFPAF_SWIFT_URL"));
            assertEquals("swift://test%3Atester:testing@localhost:8080/auth/v1.0", env.get("PIFPAF_URL"));
            assertEquals("5063", env.get("PIFPAF_MEMCACHED_PORT"));
            ClientResult stat = SwiftDriverTest.client(swift, "stat");
            assertEquals(0, stat.status(), stat.output());
        } finally {
            SwiftDriverTest.stopLeavingNothing(swift);
        }
    }

    @Test
    void variablesFollowTheChosenPrefixTheNestedMemcachedsToo(@TempDir Path tmp) throws IOException {
        // Also a data directory whose path has a space, which Swift's configuration files take as is.
        Path spaced = Files.createDirectory(tmp.resolve("pif paf"));
        // The unprivileged user, the servers' when the tests run as root, must reach its data directory.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        RunningDaemon swift = DriverTestKit.start(StartRequest.builder("swift").options(SwiftDriverTest.FREE_PORTS)
                .prefix("STORAGE").tmpDir(spaced).build());
        try {
            Map<String, String> env = swift.environment();
            // The nested Memcached's variables come first; Swift's URL takes the place of Memcached's.
            assertEquals(List.of("STORAGE_DATA", "STORAGE_MEMCACHED_PORT", "STORAGE_URL", "STORAGE_SWIFT_PORT",
                    "STORAGE_SWIFT_USERNAME", "STORAGE_SWIFT_PASSWORD", "STORAGE_SWIFT_AUTH_URL", "STORAGE_SWIFT_URL"),
                    new ArrayList<>(env.keySet()));
            assertEquals(swift.url(), env.get("STORAGE_URL"));
            assertTrue(swift.url().startsWith("swift://test%3Atester:testing@localhost:" + env.get("STORAGE_SWIFT_PORT")));
            ClientResult list = SwiftDriverTest.client(swift, "list");
            assertEquals(0, list.status(), list.output());
            assertEquals("pifpaf", list.output().strip());
        } finally {
            SwiftDriverTest.stopLeavingNothing(swift);
        }
    }

    @Test
    void onFixedPortsTheRingsComeFromTheTemplateCacheAfterTheFirstStart(@TempDir Path cache) throws IOException {
        Map<String, String> options = new HashMap<>(SwiftDriverTest.FREE_PORTS);
        for (String backend : List.of("object-port", "container-port", "account-port")) {
            options.put(backend, Integer.toString(freePort()));
        }
        for (int start = 1; start <= 2; start++) {
            RunningDaemon swift = DriverTestKit.start(StartRequest.builder("swift").options(options)
                    .cacheDir(cache.resolve("pifpaf")).build());
            try {
                assertEquals(start == 1, Files.exists(swift.dataDir().resolve("rings.log")), "the rings made at start " + start);
                ClientResult upload = SwiftDriverTest.client(swift, "upload", "start-" + start,
                        swift.dataDir().resolve("pifpaf_test_file").toString(), "--object-name", "again");
                assertEquals(0, upload.status(), upload.output());
                assertEquals("pifpaf\nstart-" + start, SwiftDriverTest.client(swift, "list").output().strip(),
                        "nothing of the first start's objects in the second");
            } finally {
                SwiftDriverTest.stopLeavingNothing(swift);
            }
        }
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("swift", Map.of());
    }

    @Test
    void aTakenPortFailsAtOnce() {
        for (String port : SwiftDriverTest.FREE_PORTS.keySet()) {
            Map<String, String> others = new HashMap<>(SwiftDriverTest.FREE_PORTS);
            others.remove(port);
            DriverTestKit.assertStartFailsOnTakenPort("swift", port, others);
        }
    }

    @Test
    void aDataDirectoryWithAPercentSignFailsTheStartSayingSo(@TempDir Path tmp) throws IOException {
        Path percent = Files.createDirectory(tmp.resolve("100%"));
        StartFailedException failure = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                StartRequest.builder("swift").options(SwiftDriverTest.FREE_PORTS).tmpDir(percent).build()).close());
        assertTrue(failure.getMessage().contains("(a % or a line break in it); set TMPDIR to a plainer path"),
                failure.getMessage());
        try (var left = Files.list(percent)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** ramfs keeps no user extended attributes: mounted here when the test may (root). */
    @Test
    void aFileSystemWithoutUserXattrsFailsTheStartSayingSo(@TempDir Path dir) throws Exception {
        Path ramfs = Files.createDirectory(dir.resolve("ramfs"));
        Assumptions.assumeTrue(run("mount", "-t", "ramfs", "pifpaf-test", ramfs.toString()) == 0, "cannot mount a ramfs here");
        try {
            StartFailedException failure = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                    StartRequest.builder("swift").options(SwiftDriverTest.FREE_PORTS).tmpDir(ramfs).build()).close());
            assertTrue(failure.getMessage().contains("keeps no user extended attributes (xattrs)"), failure.getMessage());
            assertTrue(failure.getMessage().contains("set TMPDIR"), failure.getMessage());
            try (var left = Files.list(ramfs)) {
                assertEquals(List.of(), left.toList());
            }
        } finally {
            assertEquals(0, run("umount", ramfs.toString()));
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static int run(String... argv) throws IOException, InterruptedException {
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
