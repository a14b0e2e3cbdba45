package org.pifpaf.driver.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.ListeningSockets;

/**
 * The kafka driver in KRaft mode against a real Kafka 4 broker, with the official Java client:
 * one broker for the class, started with three partitions per topic.
 */
class KafkaDriverTest {

    private static RunningDaemon kafka;

    @BeforeAll
    static void start() {
        kafka = DriverTestKit.start("kafka", Map.of("port", "0", "partitions", "3"));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            DriverTestKit.closeAndAssertNothingLeft(kafka);
        }
    }

    @Test
    void producesAndConsumesARecordWithTheJavaClient() throws Exception {
        KafkaClients.produce(kafka, "greetings", "pif", "paf");
        assertEquals(List.of("pif=paf"), KafkaClients.consume(kafka, "greetings", 1));
    }

    @Test
    void exportsTheOriginalVariablesAndABootstrapServersList() {
        Map<String, String> env = kafka.environment();
        String port = env.get("PIFPAF_KAFKA_PORT");
        assertTrue(port.matches("[1-9][0-9]*"), port);
        assertEquals("kafka://localhost:" + port, kafka.url());
        assertEquals(kafka.url(), env.get("PIFPAF_URL"));
        assertEquals("PLAINTEXT", env.get("PIFPAF_KAFKA_PROTOCOL"));
        assertEquals("PLAINTEXT://localhost:" + port, env.get("PIFPAF_KAFKA_URL"));
        assertEquals("127.0.0.1:" + port, env.get("PIFPAF_KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(List.of("PIFPAF_DATA", "PIFPAF_KAFKA_PORT", "PIFPAF_KAFKA_PROTOCOL", "PIFPAF_KAFKA_URL",
                "PIFPAF_KAFKA_BOOTSTRAP_SERVERS", "PIFPAF_KAFKA_CONTROLLER_PORT", "PIFPAF_URL"),
                new ArrayList<>(env.keySet()));
    }

    @Test
    void topicsGetThePartitionsOptionsNumber() throws Exception {
        try (Admin admin = KafkaClients.admin(kafka)) {
            admin.createTopics(List.of(new NewTopic("three", Optional.empty(), Optional.empty()))).all().get();
            TopicDescription topic = admin.describeTopics(List.of("three")).allTopicNames().get().get("three");
            assertEquals(3, topic.partitions().size());
        }
        KafkaClients.produce(kafka, "auto-created", "k", "v");
        try (Admin admin = KafkaClients.admin(kafka)) {
            assertEquals(3, admin.describeTopics(List.of("auto-created")).allTopicNames().get()
                    .get("auto-created").partitions().size());
        }
    }

    @Test
    void listensOnLoopbackOnlyOnItsPortAndAFreeControllerPort() throws Exception {
        int port = Integer.parseInt(kafka.environment().get("PIFPAF_KAFKA_PORT"));
        int controllerPort = Integer.parseInt(kafka.environment().get("PIFPAF_KAFKA_CONTROLLER_PORT"));
        assertNotEquals(port, controllerPort);
        assertFalse(List.of(9092, 9093).contains(controllerPort), "the controller on a default port");
        // The original bound 9092 on every interface whatever port it advertised.
        assertEquals(Set.of("127.0.0.1:" + port, "127.0.0.1:" + controllerPort),
                ListeningSockets.of(kafka.processes().get(0).pid()));
        try (Admin admin = KafkaClients.admin(kafka)) {
            List<Node> nodes = new ArrayList<>(admin.describeCluster().nodes().get());
            assertEquals(1, nodes.size());
            assertEquals("127.0.0.1", nodes.get(0).host());
            assertEquals(port, nodes.get(0).port());
        }
    }

    @Test
    void listDriversShowsTheVersionTheBrokerRuns() throws Exception {
        String listed = DriverTestKit.listedVersion("kafka");
        String log = Files.readString(kafka.logFile());
        assertTrue(log.contains("Kafka version: " + listed + " "), "list-drivers shows " + listed);
    }

    @Test
    void zooKeeperModeIsRefusedForKafka4WithTheReason() {
        if (!DriverTestKit.listedVersion("kafka").startsWith("4.")) {
            DriverTestKit.skipUnlessCi("the Kafka found is not Kafka 4 (.ci/run puts 4.1 in /opt/kafka)");
        }
        StartFailedException failure = assertThrows(StartFailedException.class,
                () -> DriverTestKit.start("kafka", Map.of("port", "0", "zookeeper", "true")).close());
        assertEquals(StartFailedException.Reason.DAEMON_FAILED, failure.reason());
        assertTrue(failure.getMessage().contains("has no ZooKeeper mode, which Kafka 4.0 removed"), failure.getMessage());
    }

    @Test
    void theOriginalsPortGivesTheOriginalVariablesAndEachBrokerIsAClusterOfItsOwn() throws Exception {
        // The original's test: port 54321, then the variables (it never connected).
        try (ServerSocket probe = new ServerSocket(54321, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (java.io.IOException taken) {
            Assumptions.abort("port 54321 is taken");
        }
        RunningDaemon fixed = DriverTestKit.start("kafka", Map.of("port", "54321"));
        try {
            Map<String, String> env = fixed.environment();
            assertEquals("kafka://localhost:54321", env.get("PIFPAF_URL"));
            assertEquals("54321", env.get("PIFPAF_KAFKA_PORT"));
            assertEquals("PLAINTEXT", env.get("PIFPAF_KAFKA_PROTOCOL"));
            assertEquals("PLAINTEXT://localhost:54321", env.get("PIFPAF_KAFKA_URL"));
            try (Admin first = KafkaClients.admin(kafka); Admin second = KafkaClients.admin(fixed)) {
                // Storage copied from the template cache, with ids of its own.
                assertNotEquals(first.describeCluster().clusterId().get(), second.describeCluster().clusterId().get());
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(fixed);
        }
    }

    @Test
    void twoBrokersRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("kafka", Map.of());
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("kafka", "port", Map.of());
    }
}
