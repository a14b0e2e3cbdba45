package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pifpaf.api.Binary;

/**
 * Every driver through the command line, as root and as an unprivileged user: start it, let a
 * real client use it through the exported variables, and leave nothing behind.
 */
class DriversIT {

    /** A driver run: the options, the client command, and what they need installed beforehand. */
    private record Case(String name, List<String> run, String client, List<Binary> needs) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** rabbitmqctl as the daemon's own user sees it: its HOME (cookie) and its epmd. */
    private static final String RABBITMQCTL = "HOME=\"$PIFPAF_RABBITMQ_HOME\" ERL_EPMD_PORT=\"$PIFPAF_RABBITMQ_EPMD_PORT\""
            + " /usr/lib/rabbitmq/bin/rabbitmqctl -n \"$PIFPAF_RABBITMQ_NODENAME\"";

    private static final Binary REDIS_SENTINEL = Binary.named("redis-sentinel").debian("redis-sentinel");
    private static final Binary MARIADB = Binary.named("mariadbd").debian("mariadb-server");
    private static final Binary RABBITMQ = Binary.named("rabbitmq-server").debian("rabbitmq-server");
    private static final Binary INFLUXDB = Binary.named("influxd").debian("influxdb");
    private static final Binary ETCD = Binary.named("etcd").debian("etcd-server");
    private static final Binary GUNICORN = Binary.named("gunicorn").debian("gunicorn");
    private static final Binary S3RVER = Binary.named("s3rver").npm("s3rver");
    // Clients: packages of their own.
    private static final Binary INFLUX = Binary.named("influx").debian("influxdb-client");
    private static final Binary ETCDCTL = Binary.named("etcdctl").debian("etcd-client");
    private static final Binary CURL = Binary.named("curl").debian("curl");
    private static final Binary VALKEY_SENTINEL = Binary.named("valkey-sentinel").debian("valkey-sentinel")
            .orInstall("from Debian's bookworm-backports");
    private static final Binary VALKEY_CLI = Binary.named("valkey-cli").debian("valkey-tools")
            .orInstall("from Debian's bookworm-backports");
    private static final Binary CONSUL = Binary.named("consul").debian("consul").orInstall("from Debian 11 or HashiCorp");
    private static final Binary CEPH_OSD = Binary.named("ceph-osd").debian("ceph-osd");
    private static final Binary RADOS = Binary.named("rados").debian("ceph-common");
    private static final Binary KEYSTONE = Binary.named("keystone-manage").debian("python3-keystone");
    private static final Binary OPENSTACK = Binary.named("openstack").debian("python3-openstackclient");
    private static final Binary ELASTICSEARCH = Binary.named("elasticsearch")
            .orInstall("Maven Central's integ-test-zip unpacked, its bin/elasticsearch on PATH (as .ci/run does)");
    private static final Binary OPENSEARCH = Binary.named("opensearch")
            .orInstall("Maven Central's integ-test-zip unpacked, its bin/opensearch on PATH (as .ci/run does)");
    private static final Binary SWIFT_PROXY = Binary.named("swift-proxy-server").debian("swift-proxy");
    private static final Binary SWIFT_CLIENT = Binary.named("swift").debian("python3-swiftclient");
    private static final Binary GNOCCHI_API = Binary.named("gnocchi-api").debian("gnocchi-api");
    private static final Binary GNOCCHI_CLIENT = Binary.named("gnocchi").debian("python3-gnocchiclient");
    private static final Binary AODH_API = Binary.named("aodh-api").debian("aodh-api");
    private static final Binary AODH_CLIENT = Binary.named("aodh").debian("python3-aodhclient");
    private static final Binary ARTEMIS = Binary.named("artemis").orInstall("an Artemis release (.ci/run unpacks Maven Central's)");
    /** Kafka's jars, as .ci/run puts them: no executable, so a jar (its absolute path) stands for them. */
    private static final Binary KAFKA_4 = Binary.named("/opt/kafka/libs/kafka-tools-4.1.1.jar")
            .orInstall("Kafka 4.1's jars in /opt/kafka/libs (.ci/run resolves them from Maven Central)");
    private static final Binary KAFKA_3 = Binary.named("/opt/pifpaf-ci/kafka/3.9.1/libs/kafka_2.13-3.9.1.jar")
            .orInstall("Kafka 3.9's jars in /opt/pifpaf-ci/kafka/3.9.1/libs (.ci/run resolves them from Maven Central)");
    /** Kafka's console tools from the jars .ci/run puts in /opt/kafka: a record produced, then consumed. */
    private static final String KAFKA_CLIENT = "k() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
            + " -Dlog4j2.level=warn -cp '/opt/kafka/libs/*' \"$@\"; };"
            + " echo paf | k org.apache.kafka.tools.ConsoleProducer --bootstrap-server \"$PIFPAF_KAFKA_BOOTSTRAP_SERVERS\""
            + " --topic pifpaf && test \"$(k org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server"
            + " \"$PIFPAF_KAFKA_BOOTSTRAP_SERVERS\" --topic pifpaf --from-beginning --max-messages 1 --timeout-ms 60000)\" = paf";
    /** Artemis's own command line over AMQP 1.0, at the exported URL. */
    private static final String ARTEMIS_CLIENT = "export JAVA_ARGS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData';"
            + " artemis producer --protocol amqp --url \"$PIFPAF_ARTEMIS_URL\" --destination queue://pifpaf"
            + " --message-count 1 --message paf >/dev/null && artemis consumer --protocol amqp --url \"$PIFPAF_ARTEMIS_URL\""
            + " --destination queue://pifpaf --message-count 1 --receive-timeout 10000 --break-on-null --verbose"
            + " | grep -q 'Received paf'";

    private static final List<Case> CASES = List.of(
            new Case("redis with a sentinel", List.of("redis", "--port", "0", "--sentinel", "--sentinel-port", "0"),
                    "test \"$(redis-cli -p \"$PIFPAF_REDIS_SENTINEL_PORT\" sentinel get-master-addr-by-name pifpaf"
                            + " | tail -1)\" = \"$PIFPAF_REDIS_PORT\"", List.of(REDIS_SENTINEL)),
            new Case("valkey with a sentinel", List.of("valkey", "--port", "0", "--sentinel", "--sentinel-port", "0"),
                    "test \"$(valkey-cli -p \"$PIFPAF_VALKEY_SENTINEL_PORT\" sentinel get-master-addr-by-name pifpaf"
                            + " | tail -1)\" = \"$PIFPAF_VALKEY_PORT\" && valkey-cli -u \"$PIFPAF_URL\" ping | grep -qx PONG",
                    List.of(VALKEY_SENTINEL, VALKEY_CLI)),
            new Case("consul", List.of("consul", "--port", "0"),
                    "consul kv put pifpaf paf >/dev/null && test \"$(consul kv get pifpaf)\" = paf"
                            + " && curl -sf \"http://$CONSUL_HTTP_ADDR/v1/status/leader\" | grep -q 127.0.0.1",
                    List.of(CONSUL, CURL)),
            new Case("mysql", List.of("mysql"),
                    "mariadb --no-defaults -S \"$PIFPAF_MYSQL_SOCKET\" -e 'select 1' pifpaf", List.of(MARIADB)),
            new Case("mysql over TCP", List.of("mysql", "--port", "0"),
                    "mariadb --no-defaults -u root -h 127.0.0.1 -P \"$PIFPAF_MYSQL_PORT\" -e 'select 1' pifpaf",
                    List.of(MARIADB)),
            new Case("rabbitmq", List.of("rabbitmq", "--port", "0"), RABBITMQCTL + " list_users --quiet | grep -q '^pifpaf'",
                    List.of(RABBITMQ)),
            new Case("rabbitmq cluster", List.of("rabbitmq", "--cluster", "--port", "0"),
                    RABBITMQCTL + " cluster_status --formatter json | grep -o 'pifpaf-[123]@localhost' | sort -u | wc -l"
                            + " | grep -qx 3", List.of(RABBITMQ)),
            new Case("influxdb", List.of("influxdb", "--port", "0", "--database", "metrics"),
                    "influx -host 127.0.0.1 -port \"$PIFPAF_INFLUXDB_PORT\" -execute 'SHOW DATABASES' | grep -qx metrics",
                    List.of(INFLUXDB, INFLUX)),
            new Case("etcd", List.of("etcd", "--port", "0", "--peer-port", "0"),
                    "etcdctl put pifpaf paf >/dev/null && test \"$(etcdctl get pifpaf --print-value-only)\" = paf",
                    List.of(ETCD, ETCDCTL)),
            new Case("etcd cluster", List.of("etcd", "--cluster", "--port", "0"),
                    "test \"$(etcdctl endpoint health --cluster 2>&1 | grep -c 'is healthy')\" = 3", List.of(ETCD, ETCDCTL)),
            // ZooKeeper's jar is no executable: a missing one shows as pifpaf's exit status 3.
            new Case("zookeeper", List.of("zookeeper", "--port", "0"),
                    "exec 3<>/dev/tcp/127.0.0.1/$PIFPAF_ZOOKEEPER_PORT; printf ruok >&3; test \"$(cat <&3)\" = imok",
                    List.of()),
            new Case("httpbin", List.of("httpbin", "--port", "0"),
                    "curl -sf \"$PIFPAF_URL/ip\" | grep -q '\"origin\": *\"127.0.0.1\"'", List.of(GUNICORN, CURL)),
            new Case("s3rver", List.of("s3rver", "--port", "0"),
                    "s3() { curl -sSf --aws-sigv4 aws:amz:us-east-1:s3 --user S3RVER:S3RVER"
                            + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \"$@\"; };"
                            + " s3 -X PUT \"$PIFPAF_HTTP_URL/pifpaf\" && s3 -X PUT --data-binary hello \"$PIFPAF_HTTP_URL/pifpaf/greeting\""
                            + " && test \"$(s3 \"$PIFPAF_HTTP_URL/pifpaf/greeting\")\" = hello", List.of(S3RVER, CURL)),
            new Case("ceph", List.of("ceph", "--port", "0"),
                    "test \"$(ceph health)\" = HEALTH_OK && ceph osd pool create pifpaf 2>/dev/null"
                            + " && echo paf | rados -p pifpaf put pif - && test \"$(rados -p pifpaf ls)\" = pif"
                            + " && test \"$(rados -p pifpaf get pif -)\" = paf", List.of(CEPH_OSD, RADOS)),
            new Case("keystone", List.of("keystone", "--port", "0", "--admin-port", "0"),
                    "openstack token issue -f value -c id >/dev/null && openstack project list -f value -c Name | grep -qx admin"
                            + " && test \"$(curl -s -o /dev/null -w '%{http_code}' \"$PIFPAF_KEYSTONE_HTTP_URL\")\" = 300",
                    List.of(KEYSTONE, OPENSTACK, CURL)),
            new Case("elasticsearch", List.of("elasticsearch", "--port", "0"), searchClient("ELASTICSEARCH", "es"),
                    List.of(ELASTICSEARCH, CURL)),
            new Case("opensearch", List.of("opensearch", "--port", "0"), searchClient("OPENSEARCH", "opensearch"),
                    List.of(OPENSEARCH, CURL)),
            new Case("kafka", List.of("kafka", "--port", "0"), KAFKA_CLIENT, List.of(KAFKA_4)),
            new Case("kafka in ZooKeeper mode", List.of("kafka", "--port", "0", "--zookeeper", "--zookeeper-port", "0",
                    "--kafka-home", "/opt/pifpaf-ci/kafka/3.9.1"), KAFKA_CLIENT + " && test -n \"$PIFPAF_ZOOKEEPER_PORT\"",
                    List.of(KAFKA_3)),
            new Case("artemis", List.of("artemis", "--port", "0"), ARTEMIS_CLIENT, List.of(ARTEMIS)),
            new Case("swift", List.of("swift", "--port", "0", "--object-port", "0", "--container-port", "0",
                    "--account-port", "0", "--memcached-port", "0"),
                    "s() { swift -A \"$PIFPAF_SWIFT_AUTH_URL\" -U \"$PIFPAF_SWIFT_USERNAME\" -K \"$PIFPAF_SWIFT_PASSWORD\" \"$@\"; };"
                            + " echo paf >\"$PIFPAF_DATA/pif\" && s upload pif \"$PIFPAF_DATA/pif\" --object-name paf >/dev/null"
                            + " && test \"$(s list pif)\" = paf && test \"$(s download pif paf -o -)\" = paf",
                    List.of(SWIFT_PROXY, SWIFT_CLIENT)),
            new Case("gnocchi", List.of("gnocchi", "--port", "0", "--indexer-port", "0"),
                    "gnocchi status >/dev/null && m=$(gnocchi metric create --archive-policy-name low -f value -c id)"
                            + " && gnocchi measures add -m 2026-12-05T10:00:00@42 \"$m\" && for i in $(seq 60); do"
                            + " gnocchi measures show --refresh -f value \"$m\" | grep -q ' 42.0$' && exit 0; sleep 1; done;"
                            + " exit 1", List.of(GNOCCHI_API, GNOCCHI_CLIENT)),
            new Case("aodh", List.of("aodh", "--port", "0", "--database-port", "0", "--gnocchi-port", "0",
                    "--gnocchi-indexer-port", "0"),
                    "export OS_AUTH_TYPE=aodh-noauth AODH_USER_ID=pifpaf AODH_PROJECT_ID=pifpaf;"
                            + " aodh --aodh-endpoint=\"$AODH_ENDPOINT\" alarm create --name pifpaf"
                            + " --type gnocchi_resources_threshold --metric cpu --threshold 80 --aggregation-method mean"
                            + " --resource-type generic --resource-id \"$GNOCCHI_STATSD_RESOURCE_ID\" -f value -c state"
                            + " | grep -qx 'insufficient data'"
                            + " && test \"$(aodh --aodh-endpoint=\"$AODH_ENDPOINT\" alarm list -f value -c name)\" = pifpaf",
                    List.of(AODH_API, AODH_CLIENT, GNOCCHI_API)));

    /** Index a document over HTTP with curl, then find it; the URL as the driver documents it. */
    private static String searchClient(String stem, String scheme) {
        String http = "\"$PIFPAF_" + stem + "_HTTP_URL\"";
        return "test \"$PIFPAF_URL\" = \"" + scheme + "://localhost:$PIFPAF_" + stem + "_PORT\""
                + " && curl -sSf -XPUT -H 'Content-Type: application/json' " + http + "/books/_doc/1?refresh=true"
                + " -d '{\"title\": \"Throw-away daemons\"}' >/dev/null"
                + " && curl -sSf " + http + "/books/_search?q=title:daemons | grep -q '\"total\":{\"value\":1,'";
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Case c : CASES) {
            Identity.available().forEach(identity -> runs.add(Arguments.of(c, identity)));
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("runs")
    void aRealClientUsesTheDaemonAndNothingIsLeft(Case c, Identity identity) throws Exception {
        c.needs().forEach(Binaries::require);
        try (PrivateTmp tmp = new PrivateTmp()) {
            List<String> argv = new ArrayList<>(List.of("pifpaf", "run"));
            argv.addAll(c.run());
            argv.addAll(List.of("--", "bash", "-c", c.client()));
            var result = Launcher.run(identity, argv, tmp.env());
            Binaries.requireStarted(result);
            assertEquals(0, result.exit(), result.toString());
            assertEquals(List.of(), tmp.leftovers(), result.toString());
        }
    }
}
