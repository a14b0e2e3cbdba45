package org.pifpaf.driver.ceph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Binary;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.ListeningSockets;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/**
 * The ceph driver against the real Ceph daemons, used with Ceph's own clients ({@code ceph},
 * {@code rados}) and nothing but the exported variables. A start takes seconds, so one cluster,
 * on the original's default port, serves most tests of the class.
 */
class CephDriverTest {

    private static RunningDaemon cluster;

    @BeforeAll
    static void startOneClusterForTheClass() {
        cluster = DriverTestKit.start("ceph", Map.of());
    }

    @AfterAll
    static void stopItLeavingNothing() {
        if (cluster != null) {
            DriverTestKit.closeAndAssertNothingLeft(cluster);
        }
    }

    @Test
    void exportsTheConfigurationFileAndTheOriginalUrl() {
        Map<String, String> env = cluster.environment();
        String conf = cluster.dataDir().resolve("ceph.conf").toString();
        assertEquals("ceph://localhost:6790", cluster.url());
        assertEquals(cluster.url(), env.get("PIFPAF_URL"));
        assertEquals(conf, env.get("CEPH_CONF"));
        assertEquals(conf, env.get("PIFPAF_CEPH_CONF"));
        assertTrue(Files.isRegularFile(Path.of(conf)), conf);
        assertEquals(List.of("PIFPAF_DATA", "CEPH_CONF", "PIFPAF_CEPH_CONF", "PIFPAF_URL"), new ArrayList<>(env.keySet()));
    }

    @Test
    void cephStatusShowsAHealthyClusterOfOneOfEachDaemon() {
        ClientResult status = client(cluster, "ceph", "-s");
        assertEquals(0, status.status(), status.output());
        assertTrue(status.output().contains("health: HEALTH_OK"), status.output());
        assertTrue(status.output().contains("mon: 1 daemons, quorum a"), status.output());
        assertTrue(status.output().contains("mgr: admin(active"), status.output());
        assertTrue(status.output().contains("osd: 1 osds: 1 up"), status.output());
    }

    @Test
    void listDriversShowsTheVersionEveryRunningDaemonReports() {
        // list-drivers asks the ceph client (ceph --version); `ceph versions` asks the running
        // mon, mgr and osd for theirs.
        String listed = DriverTestKit.listedVersion("ceph");
        ClientResult versions = client(cluster, "ceph", "versions", "--format", "json");
        assertEquals(0, versions.status(), versions.output());
        for (String daemon : List.of("mon", "mgr", "osd")) {
            String reported = versions.output().replaceAll("(?s).*\"" + daemon + "\":\\s*\\{\\s*\"ceph version ([^ \"]+).*", "$1");
            assertEquals(listed, reported, daemon + ": " + versions.output());
        }
    }

    @Test
    void radosStoresListsAndReadsBackAnObject(@TempDir Path files) throws IOException {
        Path greeting = Files.writeString(files.resolve("greeting.txt"), "hello from pifpaf\n");
        Path readBack = files.resolve("read-back.txt");

        ClientResult pool = client(cluster, "ceph", "osd", "pool", "create", "pifpaf");
        assertEquals(0, pool.status(), pool.output());
        ClientResult put = client(cluster, "rados", "-p", "pifpaf", "put", "greeting", greeting.toString());
        assertEquals(0, put.status(), put.output());
        ClientResult list = client(cluster, "rados", "-p", "pifpaf", "ls");
        assertEquals(0, list.status(), list.output());
        assertEquals("greeting", list.output().strip());
        ClientResult get = client(cluster, "rados", "-p", "pifpaf", "get", "greeting", readBack.toString());
        assertEquals(0, get.status(), get.output());
        assertEquals("hello from pifpaf\n", Files.readString(readBack));
    }

    @Test
    void everyDaemonListensOnTheLoopbackAddressOnly() throws IOException {
        Set<String> addresses = new TreeSet<>();
        for (DaemonProcess process : cluster.processes()) {
            Set<String> own = ListeningSockets.of(process.pid());
            assertFalse(own.isEmpty(), process.label() + " listens nowhere");
            addresses.addAll(own);
        }
        assertTrue(addresses.contains("127.0.0.1:6790"), "the monitor: " + addresses);
        assertTrue(addresses.stream().allMatch(a -> a.startsWith("127.0.0.1:")), addresses::toString);
    }

    @Test
    void variablesFollowTheChosenPrefix() {
        RunningDaemon other = DriverTestKit.start(StartRequest.builder("ceph").option("port", "0").prefix("STORAGE").build());
        try {
            Map<String, String> env = other.environment();
            String port = other.url().substring("ceph://localhost:".length());
            assertTrue(port.matches("[1-9][0-9]*") && !port.equals("6790"), other.url());
            assertEquals(other.url(), env.get("STORAGE_URL"));
            assertEquals(env.get("CEPH_CONF"), env.get("STORAGE_CEPH_CONF"));
            assertEquals(List.of("STORAGE_DATA", "CEPH_CONF", "STORAGE_CEPH_CONF", "STORAGE_URL"), new ArrayList<>(env.keySet()));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(other);
        }
    }

    @Test
    void aSecondClusterServesBesideTheFirstOnPortsOfItsOwn() throws IOException {
        RunningDaemon second = DriverTestKit.start("ceph", Map.of("port", "0"));
        try {
            Set<String> first = new TreeSet<>();
            Set<String> own = new TreeSet<>();
            cluster.processes().forEach(p -> first.addAll(ListeningSockets.of(p.pid())));
            second.processes().forEach(p -> own.addAll(ListeningSockets.of(p.pid())));
            assertEquals(6, own.size(), "the monitor, the manager and the OSD's four messengers: " + own);
            assertTrue(Collections.disjoint(first, own), first + " and " + own);
            ClientResult status = client(second, "ceph", "health");
            assertEquals("HEALTH_OK", status.output().strip());
            assertTrue(client(second, "ceph", "fsid").output().strip().matches("[0-9a-f-]{36}"));
            assertFalse(client(second, "ceph", "fsid").output().equals(client(cluster, "ceph", "fsid").output()),
                    "both clients reach the same cluster");
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(second);
        }
        assertEquals("HEALTH_OK", client(cluster, "ceph", "health").output().strip(), "the first after the second stopped");
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("ceph", Map.of());
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("ceph", "port", Map.of());
    }

    @Test
    void declaresTheDaemonsAndTheClientWithTheirDebianPackages() {
        CephDriver driver = new CephDriver();
        assertEquals("ceph", driver.name());
        assertEquals(List.of("ceph-mon", "ceph-mgr", "ceph-osd", "ceph"), driver.binaries().stream().map(Binary::name).toList());
        assertEquals(List.of("ceph-mon", "ceph-mgr", "ceph-osd", "ceph-common"),
                driver.binaries().stream().map(Binary::debianPackage).toList());
        driver.binaries().forEach(binary -> assertEquals(List.of("--version"), binary.versionArgs()));
        DriverOption port = driver.options().get(0);
        assertEquals("port", port.name());
        assertEquals("6790", port.defaultValue());
    }

    /** Runs one of Ceph's clients with the daemon's variables, and no {@code CEPH_ARGS} of ours. */
    private static ClientResult client(RunningDaemon daemon, String... argv) {
        List<String> command = new ArrayList<>(List.of(argv));
        Path installed = Path.of("/usr/bin", argv[0]);
        if (Files.isExecutable(installed)) {
            command.set(0, installed.toString());
        }
        return DriverTestKit.runClient(command, env -> {
            env.keySet().removeIf(name -> name.startsWith("CEPH_"));
            env.putAll(daemon.environment());
        });
    }
}
