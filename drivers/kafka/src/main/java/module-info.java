/**
 * The {@code kafka} driver: a throw-away Kafka broker on 127.0.0.1. By default a single KRaft
 * node that is both broker and controller (Kafka 3.3 and later, 4.x included), its storage
 * formatted with a random cluster id; with {@code --zookeeper}, a Kafka 2.x or 3.x broker
 * registered in a ZooKeeper of its own, started first by the {@code zookeeper} driver (Kafka 4
 * has no ZooKeeper mode and is refused, its version read from its jar). Needs a JVM
 * ({@code java}: {@code $JAVA_HOME/bin}, then {@code PATH}), {@code bash} (the readiness probe)
 * and Kafka's jars, looked for in {@code $KAFKA_HOME} (a release, or a plain directory of jars),
 * the installation of {@code kafka-server-start.sh} or {@code kafka-server-start} on
 * {@code PATH}, {@code /opt/kafka}, {@code /opt/kafka_*} and Homebrew's {@code libexec};
 * {@code --kafka-home} names one.
 *
 * <p>The broker's JVM ({@code kafka.Kafka}) and the storage tool's are started directly with
 * small options (C1 only, serial collector, at most 512 MB of heap) and a console-only logging
 * configuration written into the data directory; the data lives in {@code <data>/kafka}. The
 * formatted KRaft storage comes from the template cache after the first start, with new random
 * ids. The broker counts as ready when it answers a metadata request listing itself. Kafka
 * accepts root, so it runs as the invoking user; it is stopped with SIGKILL.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>9092</td><td>broker port, bound and advertised on 127.0.0.1
 *     (0: a free one)</td></tr>
 * <tr><td>{@code --partitions}</td><td>2</td><td>partitions of a topic created without a number
 *     (auto-created, or by an admin client that names none)</td></tr>
 * <tr><td>{@code --zookeeper}</td><td>off</td><td>ZooKeeper mode (Kafka 2.x, 3.x)</td></tr>
 * <tr><td>{@code --zookeeper-port}</td><td>2181</td><td>that ZooKeeper's port (0: a free
 *     one)</td></tr>
 * <tr><td>{@code --kafka-home}</td><td></td><td>the Kafka installation to run</td></tr>
 * </table>
 *
 * <p>The KRaft controller listens on a free port of 127.0.0.1.
 *
 * <table>
 * <caption>Variables, in export order ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code ZOOCFGDIR} ... {@code PIFPAF_ZOOKEEPER_PORT}</td><td>with {@code --zookeeper}:
 *     the nested ZooKeeper's variables</td></tr>
 * <tr><td>{@code PIFPAF_KAFKA_PORT}</td><td>the broker port</td></tr>
 * <tr><td>{@code PIFPAF_KAFKA_PROTOCOL}</td><td>{@code PLAINTEXT}</td></tr>
 * <tr><td>{@code PIFPAF_KAFKA_URL}</td><td>{@code PLAINTEXT://localhost:<port>}; on the command
 *     line the daemon's URL, which the command line exports as {@code <PREFIX>_<DRIVER>_URL}
 *     afterwards, as the original's did</td></tr>
 * <tr><td>{@code PIFPAF_KAFKA_BOOTSTRAP_SERVERS}</td><td>{@code 127.0.0.1:<port>}, a client's
 *     {@code bootstrap.servers} (new)</td></tr>
 * <tr><td>{@code PIFPAF_KAFKA_CONTROLLER_PORT}</td><td>KRaft only: the controller's port
 *     (new)</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code kafka://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.kafka {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.kafka.KafkaDriver;
}
