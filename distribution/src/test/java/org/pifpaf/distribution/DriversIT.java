package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every driver through the command line, as root and as an unprivileged user: start it, let a
 * real client use it through the exported variables, and leave nothing behind.
 */
class DriversIT {

    /** A driver run: the options, the client command, and the binary it needs (with its package). */
    private record Case(String name, List<String> run, String client, String binary, String debianPackage) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** rabbitmqctl as the daemon's own user sees it: its HOME (cookie) and its epmd. */
    private static final String RABBITMQCTL = "HOME=\"$PIFPAF_RABBITMQ_HOME\" ERL_EPMD_PORT=\"$PIFPAF_RABBITMQ_EPMD_PORT\""
            + " /usr/lib/rabbitmq/bin/rabbitmqctl -n \"$PIFPAF_RABBITMQ_NODENAME\"";

    private static final List<Case> CASES = List.of(
            new Case("redis with a sentinel", List.of("redis", "--port", "0", "--sentinel", "--sentinel-port", "0"),
                    "test \"$(redis-cli -p \"$PIFPAF_REDIS_SENTINEL_PORT\" sentinel get-master-addr-by-name pifpaf"
                            + " | tail -1)\" = \"$PIFPAF_REDIS_PORT\"", "redis-sentinel", "redis-sentinel"),
            new Case("valkey with a sentinel", List.of("valkey", "--port", "0", "--sentinel", "--sentinel-port", "0"),
                    "test \"$(valkey-cli -p \"$PIFPAF_VALKEY_SENTINEL_PORT\" sentinel get-master-addr-by-name pifpaf"
                            + " | tail -1)\" = \"$PIFPAF_VALKEY_PORT\" && valkey-cli -u \"$PIFPAF_URL\" ping | grep -qx PONG",
                    "valkey-sentinel", "valkey-sentinel (bookworm-backports)"),
            new Case("consul", List.of("consul", "--port", "0"),
                    "consul kv put pifpaf paf >/dev/null && test \"$(consul kv get pifpaf)\" = paf"
                            + " && curl -sf \"http://$CONSUL_HTTP_ADDR/v1/status/leader\" | grep -q 127.0.0.1",
                    "consul", "consul (Debian 11)"),
            new Case("mysql", List.of("mysql"),
                    "mariadb --no-defaults -S \"$PIFPAF_MYSQL_SOCKET\" -e 'select 1' pifpaf", "mariadbd", "mariadb-server"),
            new Case("mysql over TCP", List.of("mysql", "--port", "0"),
                    "mariadb --no-defaults -u root -h 127.0.0.1 -P \"$PIFPAF_MYSQL_PORT\" -e 'select 1' pifpaf",
                    "mariadbd", "mariadb-server"),
            new Case("rabbitmq", List.of("rabbitmq", "--port", "0"), RABBITMQCTL + " list_users --quiet | grep -q '^pifpaf'",
                    "epmd", "rabbitmq-server"),
            new Case("rabbitmq cluster", List.of("rabbitmq", "--cluster", "--port", "0"),
                    RABBITMQCTL + " cluster_status --formatter json | grep -o 'pifpaf-[123]@localhost' | sort -u | wc -l"
                            + " | grep -qx 3", "epmd", "rabbitmq-server"),
            new Case("influxdb", List.of("influxdb", "--port", "0", "--database", "metrics"),
                    "influx -host 127.0.0.1 -port \"$PIFPAF_INFLUXDB_PORT\" -execute 'SHOW DATABASES' | grep -qx metrics",
                    "influxd", "influxdb"),
            new Case("etcd", List.of("etcd", "--port", "0", "--peer-port", "0"),
                    "etcdctl put pifpaf paf >/dev/null && test \"$(etcdctl get pifpaf --print-value-only)\" = paf",
                    "etcd", "etcd-server"),
            new Case("etcd cluster", List.of("etcd", "--cluster", "--port", "0"),
                    "test \"$(etcdctl endpoint health --cluster 2>&1 | grep -c 'is healthy')\" = 3", "etcd", "etcd-server"),
            new Case("zookeeper", List.of("zookeeper", "--port", "0"),
                    "exec 3<>/dev/tcp/127.0.0.1/$PIFPAF_ZOOKEEPER_PORT; printf ruok >&3; test \"$(cat <&3)\" = imok",
                    "java", "default-jre-headless"),
            new Case("httpbin", List.of("httpbin", "--port", "0"),
                    "curl -sf \"$PIFPAF_URL/ip\" | grep -q '\"origin\": *\"127.0.0.1\"'", "gunicorn", "gunicorn"),
            new Case("s3rver", List.of("s3rver", "--port", "0"),
                    "s3() { curl -sSf --aws-sigv4 aws:amz:us-east-1:s3 --user S3RVER:S3RVER"
                            + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \"$@\"; };"
                            + " s3 -X PUT \"$PIFPAF_HTTP_URL/pifpaf\" && s3 -X PUT --data-binary hello \"$PIFPAF_HTTP_URL/pifpaf/greeting\""
                            + " && test \"$(s3 \"$PIFPAF_HTTP_URL/pifpaf/greeting\")\" = hello", "s3rver", "s3rver (npm)"),
            new Case("ceph", List.of("ceph", "--port", "0"),
                    "test \"$(ceph health)\" = HEALTH_OK && ceph osd pool create pifpaf 2>/dev/null"
                            + " && echo paf | rados -p pifpaf put pif - && test \"$(rados -p pifpaf ls)\" = pif"
                            + " && test \"$(rados -p pifpaf get pif -)\" = paf", "ceph-osd", "ceph-osd"),
            new Case("keystone", List.of("keystone", "--port", "0", "--admin-port", "0"),
                    "openstack token issue -f value -c id >/dev/null && openstack project list -f value -c Name | grep -qx admin"
                            + " && test \"$(curl -s -o /dev/null -w '%{http_code}' \"$PIFPAF_KEYSTONE_HTTP_URL\")\" = 300",
                    "keystone-manage", "python3-keystone"),
            new Case("gnocchi", List.of("gnocchi", "--port", "0", "--indexer-port", "0"),
                    "gnocchi status >/dev/null && m=$(gnocchi metric create --archive-policy-name low -f value -c id)"
                            + " && gnocchi measures add -m 2026-12-05T10:00:00@42 \"$m\" && for i in $(seq 60); do"
                            + " gnocchi measures show --refresh -f value \"$m\" | grep -q ' 42.0$' && exit 0; sleep 1; done;"
                            + " exit 1", "gnocchi-api", "gnocchi-api"),
            new Case("aodh", List.of("aodh", "--port", "0", "--database-port", "0", "--gnocchi-port", "0",
                    "--gnocchi-indexer-port", "0"),
                    "export OS_AUTH_TYPE=aodh-noauth AODH_USER_ID=pifpaf AODH_PROJECT_ID=pifpaf;"
                            + " aodh --aodh-endpoint=\"$AODH_ENDPOINT\" alarm create --name pifpaf"
                            + " --type gnocchi_resources_threshold --metric cpu --threshold 80 --aggregation-method mean"
                            + " --resource-type generic --resource-id \"$GNOCCHI_STATSD_RESOURCE_ID\" -f value -c state"
                            + " | grep -qx 'insufficient data'"
                            + " && test \"$(aodh --aodh-endpoint=\"$AODH_ENDPOINT\" alarm list -f value -c name)\" = pifpaf",
                    "aodh-api", "aodh-api"));

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
        Binaries.require(c.binary(), c.debianPackage());
        try (PrivateTmp tmp = new PrivateTmp()) {
            List<String> argv = new ArrayList<>(List.of("pifpaf", "run"));
            argv.addAll(c.run());
            argv.addAll(List.of("--", "bash", "-c", c.client()));
            var result = Launcher.run(identity, argv, tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertEquals(List.of(), tmp.leftovers(), result.toString());
        }
    }
}
