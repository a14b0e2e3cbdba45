/**
 * The {@code zookeeper} driver: a throw-away standalone ZooKeeper server on 127.0.0.1. Needs a
 * JVM ({@code java}: {@code $JAVA_HOME/bin}, then {@code PATH}; Debian
 * {@code default-jre-headless}) and ZooKeeper's jars (Debian {@code zookeeper}), looked for in
 * {@code $ZOOKEEPER_HOME/lib}, {@code /usr/share/java} (Debian, Ubuntu), Homebrew's
 * {@code libexec/lib}, {@code /usr/share/zookeeper/lib} and {@code /opt/*zookeeper*}{@code /lib}
 * (a release tarball unpacked there).
 *
 * <p>The server's JVM is started directly, in the foreground, with a {@code zoo.cfg} and a
 * console logging configuration written into the data directory, so nothing system-wide
 * ({@code /etc/zookeeper}, {@code /var/lib/zookeeper}, {@code /var/log/zookeeper}) is read or
 * written, and stopping it stops this server only. Its data lives in {@code <data>/zookeeper},
 * without fsync; every four-letter word ({@code ruok}, {@code stat}, ...) is allowed; the HTTP
 * admin server is off. ZooKeeper accepts root, so it runs as the invoking user. It counts as
 * ready when it logs its last start-up line (ZooKeeper 3.6 and later) and its port accepts
 * connections.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>2181</td><td>client port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables, in export order ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code ZOOCFGDIR}</td><td>the data directory, where {@code zoo.cfg} is</td></tr>
 * <tr><td>{@code ZOOCFG}</td><td>{@code <data>/zoo.cfg}</td></tr>
 * <tr><td>{@code ZOO_LOG_DIR}</td><td>{@code <data>/log} (the server itself logs to its log
 *     file in the data directory)</td></tr>
 * <tr><td>{@code PIFPAF_ZOOKEEPER_PORT}</td><td>the client port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code zookeeper://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.zookeeper {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.zookeeper.ZooKeeperDriver;
}
