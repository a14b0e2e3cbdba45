package com.example.pifpaf.mosquitto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;

/**
 * The mosquitto driver against the real broker and its real clients, through pifpaf's driver
 * test kit. The kit finds the driver the way pifpaf does, with {@link java.util.ServiceLoader}
 * (here through {@code META-INF/services}, since the tests run on the class path). Each daemon
 * is also closed by try-with-resources, so a failed assertion leaves nothing running.
 */
class MosquittoDriverTest {

    @Test
    void aMessageMakesTheRoundTrip() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("mosquitto", Map.of("port", "0"))) {
            int port = port(daemon);
            MqttClients.assertRoundTrip(port);
            assertEquals("mosquitto version " + DriverTestKit.listedVersion("mosquitto"), MqttClients.brokerVersion(port),
                    "list-drivers shows the version of the broker that runs");
            assertEquals("mqtt://localhost:" + port, daemon.url());
            assertEquals(daemon.url(), daemon.environment().get("PIFPAF_URL"));
            assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortIsExportedAndInTheUrl() throws Exception {
        int fixed = 18_883;
        try (RunningDaemon daemon = DriverTestKit.start("mosquitto", Map.of("port", Integer.toString(fixed)))) {
            assertEquals("18883", daemon.environment().get("PIFPAF_MOSQUITTO_PORT"));
            assertEquals("mqtt://localhost:18883", daemon.url());
            assertEquals("mqtt://localhost:18883", daemon.environment().get("PIFPAF_URL"));
            MqttClients.assertRoundTrip(fixed);
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void theBrokerUsesItsOwnConfigurationOnLoopbackOnly() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("mosquitto", Map.of("port", "0"))) {
            String config = Files.readString(daemon.dataDir().resolve("mosquitto.conf"));
            assertTrue(config.contains("listener " + port(daemon) + " 127.0.0.1\n"), config);
            assertTrue(config.contains("persistence false\n"), config);
            Path proc = Path.of("/proc", Long.toString(daemon.processes().get(0).pid()), "cmdline");
            if (Files.exists(proc)) {
                String cmdline = Files.readString(proc).replace('\0', ' ');
                assertTrue(cmdline.contains("-c " + daemon.dataDir().resolve("mosquitto.conf")), cmdline);
            }
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void asRootTheBrokerRunsAsTheUnprivilegedUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root has privileges to drop");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the owner from /proc");
        try (RunningDaemon daemon = DriverTestKit.start("mosquitto", Map.of("port", "0"))) {
            Path process = Path.of("/proc", Long.toString(daemon.processes().get(0).pid()));
            assertNotEquals("root", Files.getOwner(process).getName(), "mosquitto still runs as root");
            MqttClients.assertRoundTrip(port(daemon));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("mosquitto", Map.of());
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("mosquitto", "port", Map.of());
    }

    private static int port(RunningDaemon daemon) {
        String value = daemon.environment().get("PIFPAF_MOSQUITTO_PORT");
        assertTrue(value != null && value.matches("[1-9][0-9]*"), "PIFPAF_MOSQUITTO_PORT=" + value);
        return Integer.parseInt(value);
    }
}
