package org.pifpaf.driver.gnocchi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pifpaf.driver.gnocchi.Clients.gnocchi;
import static org.pifpaf.driver.gnocchi.Clients.gnocchiUntil;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.ListeningSockets;

/**
 * The gnocchi driver with its defaults (the original's ports, file storage, an indexer of its
 * own) against the real Gnocchi, used through Gnocchi's own client with nothing but the exported
 * variables. A start takes half a minute, so one Gnocchi serves the whole class.
 */
class GnocchiDriverTest {

    private static RunningDaemon gnocchi;

    @BeforeAll
    static void startOneGnocchiForTheClass() {
        gnocchi = DriverTestKit.start("gnocchi", Map.of());
    }

    @AfterAll
    static void stopItLeavingNothing() {
        if (gnocchi != null) {
            DriverTestKit.closeAndAssertNothingLeft(gnocchi);
        }
    }

    @Test
    void exportsTheOriginalsVariablesThenTheIndexersAndTheStatsdPort() {
        Map<String, String> env = gnocchi.environment();
        assertEquals("gnocchi://localhost:8041", gnocchi.url());
        assertEquals(gnocchi.url(), env.get("PIFPAF_URL"));
        assertEquals("8041", env.get("PIFPAF_GNOCCHI_PORT"));
        assertEquals("http://localhost:8041", env.get("PIFPAF_GNOCCHI_HTTP_URL"));
        assertEquals("http://localhost:8041", env.get("GNOCCHI_ENDPOINT"));
        assertEquals("gnocchi-basic", env.get("OS_AUTH_TYPE"));
        assertEquals("admin", env.get("GNOCCHI_USER"));
        assertTrue(env.get("GNOCCHI_STATSD_RESOURCE_ID").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"), env::toString);
        assertTrue(env.get("PIFPAF_GNOCCHI_STATSD_PORT").matches("[1-9][0-9]*"), env::toString);
        // The indexer's PostgreSQL, on the original's port, inside Gnocchi's data directory.
        assertEquals("9541", env.get("PGPORT"));
        assertEquals(gnocchi.dataDir().resolve("postgresql").toString(), env.get("PGHOST"));
        assertEquals(gnocchi.dataDir().toString(), env.get("PIFPAF_DATA"));
        assertEquals(List.of("PIFPAF_DATA", "PGPORT", "PGHOST", "PGDATA", "PGDATABASE", "PIFPAF_URL",
                "PIFPAF_POSTGRESQL_PORT", "PIFPAF_POSTGRESQL_JDBC_URL", "PIFPAF_GNOCCHI_PORT", "PIFPAF_GNOCCHI_HTTP_URL",
                "GNOCCHI_ENDPOINT", "OS_AUTH_TYPE", "GNOCCHI_STATSD_RESOURCE_ID", "GNOCCHI_USER",
                "PIFPAF_GNOCCHI_STATSD_PORT"), new ArrayList<>(env.keySet()));
    }

    @Test
    void theApiAnswersItsRootWithTheVersionListDriversShows() throws Exception {
        HttpResponse<String> root = Clients.get(gnocchi.environment().get("PIFPAF_GNOCCHI_HTTP_URL") + "/");
        assertEquals(200, root.statusCode(), root.body());
        Matcher build = Pattern.compile("\"build\": *\"([^\"]+)\"").matcher(root.body());
        assertTrue(build.find(), root.body());
        assertEquals(DriverTestKit.listedVersion("gnocchi"), build.group(1));
    }

    @Test
    void gnocchiStatusAnswersAsAdmin() {
        String status = gnocchi(gnocchi, "status");
        assertTrue(status.contains("storage/total number of measures to process"), status);
    }

    @Test
    void aMeasurePushedToANewMetricIsReadBack() throws Exception {
        Clients.aMeasureIsWrittenAndReadBack(gnocchi);
    }

    @Test
    void statsdListensOnTheExportedUdpPortAndFilesUnderTheExportedResource() throws Exception {
        Map<String, String> env = gnocchi.environment();
        int port = Integer.parseInt(env.get("PIFPAF_GNOCCHI_STATSD_PORT"));
        byte[] gauge = "pifpaf.gauge:7|g\n".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(gauge, gauge.length, InetAddress.getLoopbackAddress(), port));
        }
        // statsd flushes every 10 s, naming the metric after the gauge and its type.
        String measures = gnocchiUntil(out -> out.contains("7.0"), gnocchi, "measures", "show", "--refresh",
                "--resource-id", env.get("GNOCCHI_STATSD_RESOURCE_ID"), "-f", "value", "pifpaf.gauge|g");
        assertFalse(measures.isBlank());
    }

    @Test
    void theApiUsesTheFilesOfGnocchisPackageNotThoseOfEtcGnocchi() throws Exception {
        String apiLog = Files.readString(gnocchi.process("gnocchi-api").logFile());
        Matcher used = Pattern.compile("WSGI config used: (\\S+)").matcher(apiLog);
        assertTrue(used.find(), apiLog);
        assertTrue(used.group(1).endsWith("/gnocchi/rest/api-paste.ini") && !used.group(1).startsWith("/etc/"), used.group(1));
        String conf = Files.readString(gnocchi.dataDir().resolve("gnocchi.conf"));
        assertFalse(conf.contains("/etc/"), conf);
        assertTrue(conf.contains("policy_file = " + used.group(1).replace("api-paste.ini", "policy.yaml")), conf);
    }

    @Test
    void everyServiceListensOnTheLoopbackAddressOnly() throws Exception {
        Set<String> addresses = new TreeSet<>();
        for (DaemonProcess process : gnocchi.processes()) {
            addresses.addAll(ListeningSockets.withProtocols(process.pid()));
        }
        String statsdPort = gnocchi.environment().get("PIFPAF_GNOCCHI_STATSD_PORT");
        assertTrue(ListeningSockets.withProtocols(gnocchi.process("gnocchi-api").pid()).contains("tcp 127.0.0.1:8041"), addresses::toString);
        assertTrue(ListeningSockets.withProtocols(gnocchi.process("gnocchi-statsd").pid()).contains("udp 127.0.0.1:" + statsdPort),
                addresses::toString);
        assertTrue(addresses.contains("tcp 127.0.0.1:9541"), "the indexer: " + addresses);
        assertTrue(addresses.stream().allMatch(a -> a.substring(4).startsWith("127.0.0.1:")), addresses::toString);
    }

    @Test
    void aSecondGnocchiCoordinatedThroughRedisServesBesideTheFirstOnPortsOfItsOwn() throws Exception {
        RunningDaemon second = DriverTestKit.start("gnocchi", Map.of("port", "0", "indexer-port", "0",
                "coordination-port", "0", "statsd-port", "0", "coordination-driver", "redis"));
        try {
            Map<String, String> own = second.environment();
            Map<String, String> first = gnocchi.environment();
            for (String variable : List.of("PIFPAF_GNOCCHI_PORT", "PIFPAF_GNOCCHI_STATSD_PORT", "PGPORT",
                    "GNOCCHI_STATSD_RESOURCE_ID", "PIFPAF_DATA")) {
                assertFalse(own.get(variable).equals(first.get(variable)), variable + " is the same for both");
            }
            // The coordination Redis, nested beside the indexer; metricd's workers join its groups.
            assertTrue(own.get("PIFPAF_REDIS_PORT").matches("[1-9][0-9]*"), own::toString);
            String conf = Files.readString(second.dataDir().resolve("gnocchi.conf"));
            assertTrue(conf.contains("coordination_url = redis://localhost:" + own.get("PIFPAF_REDIS_PORT") + "\n"), conf);
            gnocchiUntil(out -> !out.contains("None"), second, "status", "-f", "value", "-c", "metricd/processors");
            assertEquals(200, Clients.get(own.get("GNOCCHI_ENDPOINT") + "/").statusCode());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(second);
        }
        assertTrue(gnocchi.processes().stream().allMatch(DaemonProcess::isAlive), "stopping the second stopped the first");
        assertEquals(200, Clients.get(gnocchi.environment().get("GNOCCHI_ENDPOINT") + "/").statusCode());
    }
}
