package org.pifpaf.driver.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.ListeningSockets;
import org.pifpaf.testkit.TcpExchange;

/**
 * The kafka driver against a real Kafka 3.9, named with {@code --kafka-home}: ZooKeeper mode,
 * with the nested ZooKeeper of the zookeeper driver (one broker for the class), and KRaft mode,
 * which 3.x has too. The installation is {@code $KAFKA3_HOME}, else where {@code .ci/run} puts
 * it.
 */
class KafkaThreeTest {

    private static final Path KAFKA3_HOME = Path.of(System.getenv().getOrDefault("KAFKA3_HOME",
            "/opt/pifpaf-ci/kafka/3.9.1"));
    private static RunningDaemon kafka;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isDirectory(KAFKA3_HOME)) {
            DriverTestKit.skipUnlessCi("no Kafka 3.x at " + KAFKA3_HOME + " (set KAFKA3_HOME; .ci/run installs one)");
        }
        kafka = DriverTestKit.start("kafka", Map.of("port", "0", "zookeeper", "true", "zookeeper_port", "0",
                "kafka_home", KAFKA3_HOME.toString()));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            DriverTestKit.closeAndAssertNothingLeft(kafka);
        }
    }

    @Test
    void zooKeeperModeProducesAndConsumesWithTheJavaClient() throws Exception {
        KafkaClients.produce(kafka, "greetings", "pif", "paf");
        assertEquals(List.of("pif=paf"), KafkaClients.consume(kafka, "greetings", 1));
    }

    @Test
    void theBrokerIsRegisteredInItsOwnZooKeeper() throws Exception {
        Map<String, String> env = kafka.environment();
        int zooKeeperPort = Integer.parseInt(env.get("PIFPAF_ZOOKEEPER_PORT"));
        // Its ephemeral node, listed by ZooKeeper's "dump" under the broker's session.
        assertTrue(fourLetterWord(zooKeeperPort, "dump").contains("/brokers/ids/0"));
        assertTrue(Files.readString(kafka.logFile()).contains("Kafka version: 3.9."));
        assertEquals("kafka://localhost:" + env.get("PIFPAF_KAFKA_PORT"), env.get("PIFPAF_URL"));
        assertEquals(null, env.get("PIFPAF_KAFKA_CONTROLLER_PORT"));
        List<String> names = List.copyOf(env.keySet());
        assertTrue(names.indexOf("PIFPAF_ZOOKEEPER_PORT") < names.indexOf("PIFPAF_KAFKA_PORT"), names.toString());
    }

    @Test
    void bothListenOnLoopbackOnly() {
        int port = Integer.parseInt(kafka.environment().get("PIFPAF_KAFKA_PORT"));
        int zooKeeperPort = Integer.parseInt(kafka.environment().get("PIFPAF_ZOOKEEPER_PORT"));
        assertEquals(Set.of("127.0.0.1:" + port), ListeningSockets.of(kafka.process("kafka").pid()));
        assertEquals(Set.of("127.0.0.1:" + zooKeeperPort), ListeningSockets.of(kafka.process("zookeeper").pid()));
    }

    @Test
    void kraftModeRunsOnKafka3Too() throws Exception {
        RunningDaemon kraft = DriverTestKit.start("kafka", Map.of("port", "0", "kafka_home", KAFKA3_HOME.toString()));
        try (Admin admin = KafkaClients.admin(kraft)) {
            assertEquals(1, admin.describeCluster().nodes().get().size());
            assertTrue(Files.readString(kraft.logFile()).contains("Kafka version: 3.9."));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(kraft);
        }
    }

    /** Sends a four-letter word and returns the whole answer (the server closes the connection). */
    private static String fourLetterWord(int port, String word) throws IOException {
        return TcpExchange.sendAndReadToEnd(port, word);
    }
}
