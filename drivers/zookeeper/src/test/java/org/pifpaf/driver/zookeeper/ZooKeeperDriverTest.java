package org.pifpaf.driver.zookeeper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingDistributionException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.TcpExchange;

/**
 * The zookeeper driver against the real server: four-letter words over a socket and the
 * official Java client.
 */
class ZooKeeperDriverTest {

    @Test
    void answersRuokWithImok() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("zookeeper", Map.of("port", "0"));
        try {
            assertEquals("imok", fourLetterWord(port(daemon), "ruok"));
            String listed = DriverTestKit.listedVersion("zookeeper");
            assertTrue(fourLetterWord(port(daemon), "srvr").startsWith("Zookeeper version: " + listed + "-"),
                    "list-drivers shows " + listed + ", not the JVM's version, which is the server's: "
                            + fourLetterWord(port(daemon), "srvr"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void createsAndReadsANodeWithTheJavaClient() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("zookeeper", Map.of("port", "0"));
        try (ZooKeeper client = connect("127.0.0.1:" + port(daemon))) {
            byte[] data = "paf".getBytes(StandardCharsets.UTF_8);
            assertEquals("/pifpaf", client.create("/pifpaf", data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            assertArrayEquals(data, client.getData("/pifpaf", false, null));
            assertTrue(client.getChildren("/", false).contains("pifpaf"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aLaterStartMapsAnArchiveOfTheClassesTheFirstLoaded(@TempDir Path cache) throws Exception {
        StartRequest request = StartRequest.builder("zookeeper").option("port", "0").cacheDir(cache).build();
        RunningDaemon first = DriverTestKit.start(request);
        Path archives = cache.resolve("class-data");
        try {
            assertFalse(maps(first, archives), "no archive yet");
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(first); // and the archiver is done
        }
        RunningDaemon second = DriverTestKit.start(request);
        try {
            assertTrue(maps(second, archives), "the server's JVM maps an archive from " + archives);
            assertEquals("imok", fourLetterWord(port(second), "ruok"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(second);
        }
    }

    /** Whether the daemon's JVM has a file of {@code dir} mapped. */
    private static boolean maps(RunningDaemon daemon, Path dir) throws IOException {
        long pid = daemon.processes().get(0).pid();
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream()
                .anyMatch(line -> line.contains(dir.toString()));
    }

    @Test
    void fixedPortGivesTheOriginalUrlAndVariables() throws Exception {
        // The original pifpaf test: port 2182, then "ruok" over TCP.
        RunningDaemon daemon = DriverTestKit.start("zookeeper", Map.of("port", "2182"));
        try {
            Map<String, String> env = daemon.environment();
            Path dataDir = daemon.dataDir();
            assertEquals("zookeeper://localhost:2182", daemon.url());
            assertEquals("zookeeper://localhost:2182", env.get("PIFPAF_URL"));
            assertEquals("2182", env.get("PIFPAF_ZOOKEEPER_PORT"));
            assertEquals(dataDir.toString(), env.get("PIFPAF_DATA"));
            assertEquals(dataDir.toString(), env.get("ZOOCFGDIR"));
            assertEquals(dataDir.resolve("zoo.cfg").toString(), env.get("ZOOCFG"));
            assertEquals(dataDir.resolve("log").toString(), env.get("ZOO_LOG_DIR"));
            assertTrue(Files.isRegularFile(Path.of(env.get("ZOOCFG"))));
            assertTrue(Files.isDirectory(Path.of(env.get("ZOO_LOG_DIR"))));
            assertEquals(List.of("PIFPAF_DATA", "ZOOCFGDIR", "ZOOCFG", "ZOO_LOG_DIR", "PIFPAF_ZOOKEEPER_PORT",
                    "PIFPAF_URL"), new ArrayList<>(env.keySet()));
            assertEquals("imok", fourLetterWord(2182, "ruok"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listensOnLoopbackWithItsDataInTheDataDir() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("zookeeper", Map.of("port", "0"));
        try {
            String log = Files.readString(daemon.logFile());
            assertTrue(log.contains("binding to port /127.0.0.1:" + port(daemon)), log);
            Optional<InetAddress> other = nonLoopbackAddress();
            if (other.isPresent()) {
                assertThrows(IOException.class, () -> new Socket(other.get(), port(daemon)).close());
            }
            String conf = fourLetterWord(port(daemon), "conf");
            assertTrue(conf.contains("dataDir=" + daemon.dataDir().resolve("zookeeper")), conf);
            assertTrue(Files.isDirectory(daemon.dataDir().resolve("zookeeper/version-2")));
            assertTrue(fourLetterWord(port(daemon), "stat").contains("Mode: standalone"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void stoppingOneServerLeavesAnotherRunning() throws Exception {
        RunningDaemon first = DriverTestKit.start("zookeeper", Map.of("port", "0"));
        RunningDaemon second = DriverTestKit.start("zookeeper", Map.of("port", "0"));
        try {
            assertFalse(port(first) == port(second));
            DriverTestKit.closeAndAssertNothingLeft(first);
            assertTrue(second.processes().get(0).isAlive());
            assertEquals("imok", fourLetterWord(port(second), "ruok"));
        } finally {
            first.close();
            DriverTestKit.closeAndAssertNothingLeft(second);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("zookeeper", "port", Map.of());
    }

    @Test
    void declaresJavaAndZooKeeperWithTheirDebianPackages() {
        ZooKeeperDriver driver = new ZooKeeperDriver();
        assertEquals("zookeeper", driver.name());
        assertEquals(List.of("java"), driver.binaries().stream().map(Binary::name).toList());
        assertEquals("default-jre-headless", driver.binaries().get(0).debianPackage());
        assertEquals("zookeeper not found; install it with 'apt-get install zookeeper' or 'brew install zookeeper',"
                        + " or set ZOOKEEPER_HOME to its directory",
                new MissingDistributionException(ZooKeeperDriver.ZOOKEEPER).getMessage());
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }

    /** Connects the official client and waits until its session is established. */
    private static ZooKeeper connect(String connectString) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(connectString, 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(20, TimeUnit.SECONDS)) {
            client.close();
            throw new AssertionError("no ZooKeeper session with " + connectString);
        }
        return client;
    }


    private static int port(RunningDaemon daemon) {
        String value = daemon.environment().get("PIFPAF_ZOOKEEPER_PORT");
        assertTrue(value != null && value.matches("[1-9][0-9]*"), "PIFPAF_ZOOKEEPER_PORT=" + value);
        return Integer.parseInt(value);
    }

    /** Sends a four-letter word and returns the whole answer (the server closes the connection). */
    private static String fourLetterWord(int port, String word) throws IOException {
        return TcpExchange.sendAndReadToEnd(port, word);
    }
}
