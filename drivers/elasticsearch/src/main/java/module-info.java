/**
 * The {@code elasticsearch} and {@code opensearch} drivers: a throw-away node, the only one of a
 * cluster of its own, on 127.0.0.1. One implementation serves both: {@code elasticsearch} runs an
 * Elasticsearch installation's {@code bin/elasticsearch}, {@code opensearch} an OpenSearch
 * installation's {@code bin/opensearch} (OpenSearch is Elasticsearch 7.10's fork, and kept its
 * start script, files and settings under its own names). Found by {@code ES_HOME} /
 * {@code OPENSEARCH_HOME}, by the start script on {@code PATH}, and in
 * {@code /usr/share/elasticsearch} / {@code /usr/share/opensearch} (the vendors' packages).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>9200</td><td>HTTP port (0: a free one)</td></tr>
 * <tr><td>{@code --heap-size}</td><td>512m</td><td>JVM heap ({@code -Xms} and {@code -Xmx}):
 *     a number and {@code m} or {@code g}</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_ELASTICSEARCH_PORT}</td><td>the HTTP port</td></tr>
 * <tr><td>{@code PIFPAF_ELASTICSEARCH_HTTP_URL}</td><td>{@code http://127.0.0.1:<port>}, for
 *     HTTP clients (new in pifpaf for the JVM)</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code es://localhost:<port>}</td></tr>
 * </table>
 *
 * <p>{@code opensearch} exports {@code PIFPAF_OPENSEARCH_PORT}, {@code PIFPAF_OPENSEARCH_HTTP_URL}
 * and {@code opensearch://localhost:<port>}. The original pifpaf had no OpenSearch driver; its URL
 * scheme is the driver's name, as {@code valkey://} is for Valkey: {@code es://} was the
 * original's own abbreviation, and {@code os://} would tell a reader nothing.
 *
 * <p>Where the original ran the node with the installation's own configuration, this one has a
 * private configuration directory ({@code <data>/config}, as {@code ES_PATH_CONF} /
 * {@code OPENSEARCH_PATH_CONF}): a copy of what the distribution's {@code config/} (or
 * {@code /etc/<name>}) lets pifpaf read, without its settings file and its keystore, with the
 * paths in its JVM options (heap dumps, fatal error logs, GC logs, temporary files) pointing into
 * the data directory, and pifpaf's own {@code jvm.options} or {@code log4j2.properties} where the
 * distribution's cannot be read. The distribution's files are never written. The settings file is
 * pifpaf's: a cluster name of its own, {@code discovery.type: single-node}, HTTP and transport on
 * 127.0.0.1, the transport port a free one (not 9300), data and logs in the data directory, disk
 * thresholds off; X-Pack's security and machine learning off where the distribution has them, and
 * OpenSearch's security plugin where it has it. Both refuse to run as root: as root, pifpaf runs
 * them as the unprivileged user. The node is ready when it logs that it started and
 * {@code GET /} answers 200, and is stopped with SIGKILL.
 *
 * <p>Its JVM gets, after the distribution's options: the heap; {@code -XX:TieredStopAtLevel=1}
 * (C1 only: a start costs the node about 2.5 s of CPU instead of 5, and indexing a test's few
 * thousand documents is no slower); {@code -XX:-AlwaysPreTouch} (the heap is not made resident
 * at start); {@code -XX:-UsePerfData} (no {@code /tmp/hsperfdata_<user>} file, which a JVM
 * stopped with SIGKILL leaves behind).
 */
module org.pifpaf.driver.elasticsearch {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.elasticsearch.ElasticsearchDriver,
            org.pifpaf.driver.elasticsearch.OpensearchDriver;
}
