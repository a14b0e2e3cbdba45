package org.pifpaf.driver.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker's {@code server.properties} and its logging configurations. Everything listens on
 * 127.0.0.1 and is advertised there: the original set only the advertised listener, so the
 * broker bound Kafka's default 9092 whatever port it announced.
 */
final class KafkaConfig {

    /** The KRaft node, which is the broker and the only controller voter. */
    static final int NODE_ID = 1;

    /** Console logging only: the runtime keeps the broker's output in the data directory. */
    static final String LOG4J2_PROPERTIES = String.join("\n",
            "appender.console.type=Console",
            "appender.console.name=STDOUT",
            "appender.console.layout.type=PatternLayout",
            "appender.console.layout.pattern=[%d] %p %m (%c)%n",
            "rootLogger.level=INFO",
            "rootLogger.appenderRef.stdout.ref=STDOUT",
            "");
    /** The same for Kafka 3.x and older, which log through log4j 1 (reload4j). */
    static final String LOG4J_PROPERTIES = String.join("\n",
            "log4j.rootLogger=INFO, stdout",
            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
            "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
            "");

    private KafkaConfig() {
    }

    /**
     * One KRaft node that is both broker and controller, the controller on a port of its own
     * that clients never see: a static quorum of one voter, which every KRaft release reads
     * (3.3 to 4.x), and which elects itself at once.
     */
    static String kraft(int port, int controllerPort, Path logDir, int partitions) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + NODE_ID,
                "controller.quorum.voters=" + NODE_ID + "@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT"));
        lines.addAll(common(logDir, partitions));
        return String.join("\n", lines) + "\n";
    }

    /** A broker of Kafka 2.x or 3.x registered in the ZooKeeper on {@code zooKeeperPort}. */
    static String zooKeeperMode(int port, int zooKeeperPort, Path logDir, int partitions) {
        List<String> lines = new ArrayList<>(List.of(
                "broker.id=0",
                "listeners=PLAINTEXT://127.0.0.1:" + port,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "zookeeper.connect=127.0.0.1:" + zooKeeperPort,
                "zookeeper.connection.timeout.ms=6000"));
        lines.addAll(common(logDir, partitions));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> common(Path logDir, int partitions) {
        return List.of(
                "log.dirs=" + logDir,
                "num.partitions=" + partitions,
                // One broker: every internal topic with one replica, or it could never be made.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // A consumer group's first member is assigned at once, not after 3 seconds.
                "group.initial.rebalance.delay.ms=0",
                // The log cleaner allocates its buffer at start-up: 128 MB by default.
                "log.cleaner.dedupe.buffer.size=8388608");
    }
}
