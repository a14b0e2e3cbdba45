package org.pifpaf.driver.artemis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;
import org.pifpaf.testkit.ListeningSockets;

/**
 * The artemis driver against a real Artemis broker, one for the class (anonymous clients
 * allowed): AMQP 1.0 with Qpid JMS, the core protocol with Artemis's own command line, STOMP and
 * MQTT handshakes over sockets.
 */
class ArtemisDriverTest {

    private static RunningDaemon artemis;

    @BeforeAll
    static void start() {
        artemis = DriverTestKit.start("artemis", Map.of("port", "0"));
    }

    @AfterAll
    static void stop() {
        if (artemis != null) {
            DriverTestKit.closeAndAssertNothingLeft(artemis);
        }
    }

    @Test
    void sendsAndReceivesOverAmqpAnonymouslyAndAsTheUser() throws Exception {
        String url = artemis.environment().get("PIFPAF_ARTEMIS_URL");
        assertEquals("paf", AmqpClient.roundTrip(url, null, null, "anonymous", "paf"));
        assertEquals("pif", AmqpClient.roundTrip(url, "pifpaf", "secrete", "as-the-user", "pif"));
    }

    @Test
    void theCoreProtocolWorksWithTheInstancesOwnCommand() {
        // Without --url the instance's command reads its own broker.xml for the core acceptor.
        assertEquals(0, ArtemisCommand.run(artemis, "producer", "--destination", "queue://core", "--message-count", "1",
                "--message", "hello").status());
        ClientResult consumed = ArtemisCommand.run(artemis, "consumer", "--destination", "queue://core",
                "--message-count", "1", "--receive-timeout", "10000", "--break-on-null", "--verbose");
        assertEquals(0, consumed.status(), consumed.output());
        assertTrue(consumed.output().contains("hello"), consumed.output());
    }

    @Test
    void stompAndMqttAcceptorsAnswerTheirHandshakes() throws Exception {
        Map<String, String> env = artemis.environment();
        assertTrue(Handshakes.stomp(Integer.parseInt(env.get("PIFPAF_ARTEMIS_STOMP_PORT"))).startsWith("CONNECTED"));
        assertEquals(0, Handshakes.mqttConnectReturnCode(Integer.parseInt(env.get("PIFPAF_ARTEMIS_MQTT_PORT"))));
        assertTrue(Handshakes.stomp(Integer.parseInt(env.get("PIFPAF_ARTEMIS_HORNETQ_PORT"))).startsWith("CONNECTED"));
    }

    @Test
    void exportsTheOriginalVariablesAndAUrlForEachProtocol() {
        Map<String, String> env = artemis.environment();
        String port = env.get("PIFPAF_ARTEMIS_PORT");
        assertEquals("amqp://localhost:" + port, artemis.url());
        assertEquals(artemis.url(), env.get("PIFPAF_URL"));
        assertEquals(artemis.url(), env.get("PIFPAF_ARTEMIS_URL"));
        assertEquals("tcp://127.0.0.1:" + env.get("PIFPAF_ARTEMIS_CORE_PORT"), env.get("PIFPAF_ARTEMIS_CORE_URL"));
        assertEquals("stomp://127.0.0.1:" + env.get("PIFPAF_ARTEMIS_STOMP_PORT"), env.get("PIFPAF_ARTEMIS_STOMP_URL"));
        assertEquals("mqtt://127.0.0.1:" + env.get("PIFPAF_ARTEMIS_MQTT_PORT"), env.get("PIFPAF_ARTEMIS_MQTT_URL"));
        assertEquals(artemis.dataDir().resolve("broker").toString(), env.get("PIFPAF_ARTEMIS_INSTANCE"));
        assertEquals(List.of("PIFPAF_DATA", "PIFPAF_ARTEMIS_PORT", "PIFPAF_ARTEMIS_URL", "PIFPAF_ARTEMIS_CORE_PORT",
                "PIFPAF_ARTEMIS_CORE_URL", "PIFPAF_ARTEMIS_STOMP_PORT", "PIFPAF_ARTEMIS_STOMP_URL",
                "PIFPAF_ARTEMIS_HORNETQ_PORT", "PIFPAF_ARTEMIS_MQTT_PORT", "PIFPAF_ARTEMIS_MQTT_URL",
                "PIFPAF_ARTEMIS_INSTANCE", "PIFPAF_URL"), new ArrayList<>(env.keySet()));
    }

    @Test
    void everyAcceptorListensOnLoopbackOnAPortOfItsOwnAndThereIsNoConsole() {
        Map<String, String> env = artemis.environment();
        Set<String> expected = new TreeSet<>();
        for (String name : List.of("PORT", "CORE_PORT", "STOMP_PORT", "HORNETQ_PORT", "MQTT_PORT")) {
            int port = Integer.parseInt(env.get("PIFPAF_ARTEMIS_" + name));
            assertFalse(List.of(61616, 61613, 5445, 1883, 5672, 8161).contains(port), name + " on Artemis's default");
            expected.add("127.0.0.1:" + port);
        }
        assertEquals(5, expected.size());
        assertEquals(expected, ListeningSockets.of(artemis.process("artemis").pid()));
    }

    @Test
    void theBrokersJvmHasASmallHeapAndStartsLight() throws Exception {
        // The instance's profile asks for G1 and a heap of 512 MB to 2 GB: pifpaf's options replace it.
        List<String> argv = List.of(Files.readString(Path.of("/proc", Long.toString(artemis.process("artemis").pid()),
                "cmdline")).split("\0"));
        assertTrue(argv.get(0).endsWith("java"), argv.toString());
        assertEquals(List.of("-Xmx256m"), argv.stream().filter(a -> a.startsWith("-Xm")).toList(), argv.toString());
        assertTrue(argv.containsAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData")),
                argv.toString());
        assertFalse(argv.contains("-XX:+UseG1GC"), argv.toString());
    }

    @Test
    void listDriversShowsTheVersionTheBrokerRuns() throws Exception {
        String listed = DriverTestKit.listedVersion("artemis");
        String log = Files.readString(artemis.logFile());
        assertTrue(log.contains("Starting ActiveMQ Artemis Server version " + listed), "list-drivers shows " + listed);
    }

    @Test
    void theOriginalsPortGivesTheOriginalUrl() throws Exception {
        try (ServerSocket probe = new ServerSocket(54321, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (java.io.IOException taken) {
            Assumptions.abort("port 54321 is taken");
        }
        RunningDaemon fixed = DriverTestKit.start("artemis", Map.of("port", "54321"));
        try {
            assertEquals("amqp://localhost:54321", fixed.environment().get("PIFPAF_URL"));
            assertEquals("amqp://localhost:54321", fixed.environment().get("PIFPAF_ARTEMIS_URL"));
            assertEquals("54321", fixed.environment().get("PIFPAF_ARTEMIS_PORT"));
            assertEquals("54321", AmqpClient.roundTrip("amqp://localhost:54321", null, null, "fixed", "54321"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(fixed);
        }
    }

    @Test
    void twoBrokersRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("artemis", Map.of());
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("artemis", "port", Map.of());
    }
}
