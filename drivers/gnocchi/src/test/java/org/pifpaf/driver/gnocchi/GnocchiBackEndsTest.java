package org.pifpaf.driver.gnocchi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/**
 * Gnocchi with the back ends of the original's tests, each started beside it as a daemon of its
 * own: an existing indexer, and the S3, Swift, Redis and Ceph storage drivers, each used for a
 * measure written and read back (written only, on Ceph).
 */
class GnocchiBackEndsTest {

    @Test
    void anExistingIndexerIsUsedAndNoPostgresqlOfItsOwnIsStarted() throws Exception {
        RunningDaemon postgresql = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try {
            RunningDaemon gnocchi = DriverTestKit.start("gnocchi", Map.of("port", "0", "indexer-url", postgresql.url()));
            try {
                assertFalse(Files.exists(gnocchi.dataDir().resolve("postgresql")));
                assertFalse(gnocchi.environment().containsKey("PGHOST"), gnocchi.environment()::toString);
                assertTrue(gnocchi.processes().stream().allMatch(p -> p.label().startsWith("gnocchi-")));
                Clients.aMeasureIsWrittenAndReadBack(gnocchi);
                ClientResult tables = DriverTestKit.runClient(List.of(psql(), "-Atc",
                        "select count(*) from metric"), env -> env.putAll(postgresql.environment()));
                assertEquals("1", tables.output().strip(), "the metric is in the existing database: " + tables.output());
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(gnocchi);
            }
            assertEquals(0, DriverTestKit.runClient(List.of(psql(), "-Atc", "select 1"),
                    env -> env.putAll(postgresql.environment())).status(), "the existing indexer outlives Gnocchi");
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(postgresql);
        }
    }

    @Test
    void s3StorageInAnS3rverWithEveryVariableUnderTheChosenPrefix() throws Exception {
        RunningDaemon s3rver = DriverTestKit.start("s3rver", Map.of("port", "0"));
        try {
            // S3rver 3 takes its own credentials only (the original's test gave gnocchi:pass to an older
            // one): its URL has none, which Gnocchi's storage settings then default to.
            RunningDaemon gnocchi = DriverTestKit.start(StartRequest.builder("gnocchi").prefix("METRICS")
                    .options(Map.of("port", "0", "indexer-port", "0", "storage-url", s3rver.url())).build());
            try {
                Map<String, String> env = gnocchi.environment();
                assertEquals(List.of(), env.keySet().stream().filter(name -> name.startsWith("PIFPAF_")).toList(),
                        "nothing under the default prefix");
                assertEquals(gnocchi.url(), env.get("METRICS_URL"));
                assertEquals(env.get("PGPORT"), env.get("METRICS_POSTGRESQL_PORT"), "the indexer's, under the prefix too");
                assertEquals("http://localhost:" + env.get("METRICS_GNOCCHI_PORT"), env.get("METRICS_GNOCCHI_HTTP_URL"));
                assertTrue(env.containsKey("METRICS_GNOCCHI_STATSD_PORT") && env.containsKey("GNOCCHI_ENDPOINT"), env::toString);
                assertTrue(Files.readString(gnocchi.dataDir().resolve("gnocchi.conf"))
                        .contains("s3_endpoint_url = http://localhost:" + s3rver.environment().get("PIFPAF_S3RVER_PORT") + "\n"));
                Clients.aMeasureIsWrittenAndReadBack(gnocchi);
                try (Stream<Path> buckets = Files.list(s3rver.dataDir().resolve("buckets"))) {
                    assertTrue(buckets.anyMatch(b -> b.getFileName().toString().startsWith("gnocchi")),
                            "no bucket of Gnocchi's in " + s3rver.dataDir());
                }
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(gnocchi);
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(s3rver);
        }
    }

    @Test
    void swiftStorageInASwiftStartedBesideIt() throws Exception {
        RunningDaemon swift = DriverTestKit.start("swift", Map.of("port", "0", "object-port", "0", "container-port", "0",
                "account-port", "0", "memcached-port", "0"));
        try {
            RunningDaemon gnocchi = DriverTestKit.start("gnocchi",
                    Map.of("port", "0", "indexer-port", "0", "storage-url", swift.url()));
            try {
                assertTrue(Files.readString(gnocchi.dataDir().resolve("gnocchi.conf")).contains("driver = swift\n"));
                Clients.aMeasureIsWrittenAndReadBack(gnocchi);
                ClientResult containers = DriverTestKit.runClient(List.of("swift", "-A",
                        swift.environment().get("PIFPAF_SWIFT_AUTH_URL"), "-U", swift.environment().get("PIFPAF_SWIFT_USERNAME"),
                        "-K", swift.environment().get("PIFPAF_SWIFT_PASSWORD"), "list"), env -> { });
                assertEquals(0, containers.status(), containers.output());
                assertTrue(containers.output().lines().anyMatch(name -> name.startsWith("gnocchi")),
                        "no container of Gnocchi's in Swift: " + containers.output());
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(gnocchi);
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(swift);
        }
    }

    @Test
    void redisStorageInARedisStartedBesideIt() throws Exception {
        RunningDaemon redis = DriverTestKit.start("redis", Map.of("port", "0"));
        try {
            RunningDaemon gnocchi = DriverTestKit.start("gnocchi",
                    Map.of("port", "0", "indexer-port", "0", "storage-url", redis.url()));
            try {
                String conf = Files.readString(gnocchi.dataDir().resolve("gnocchi.conf"));
                assertTrue(conf.contains("driver = redis\n") && conf.contains("redis_url = " + redis.url() + "\n"), conf);
                assertFalse(gnocchi.environment().containsKey("PIFPAF_REDIS_PORT"), "no Redis of its own");
                String metric = Clients.aMeasureIsWrittenAndReadBack(gnocchi);
                // The measure was kept in that Redis: its keys name the metric.
                ClientResult keys = DriverTestKit.runClient(List.of("redis-cli", "-p",
                        redis.environment().get("PIFPAF_REDIS_PORT"), "--scan"), env -> { });
                assertEquals(0, keys.status(), keys.output());
                assertTrue(keys.output().contains(metric), "no key of the metric in Redis: " + keys.output());
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(gnocchi);
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(redis);
        }
    }

    /**
     * Only as far as Debian 12's Gnocchi goes: its metricd stores a metric's raw series in Ceph,
     * then fails to write the aggregates (Gnocchi 4.4.2 writes them with {@code numpy.int}, which
     * NumPy 1.24 removed, on this one path: for storage drivers that update in place, as Ceph's
     * does), so a measure cannot be read back.
     */
    @Test
    void cephStorageInThePoolTheOriginalsTestCreates() throws Exception {
        RunningDaemon ceph = DriverTestKit.start("ceph", Map.of("port", "0"));
        try {
            ClientResult pool = ceph(ceph, "ceph", "osd", "pool", "create", "gnocchi");
            assertEquals(0, pool.status(), pool.output());
            RunningDaemon gnocchi = DriverTestKit.start("gnocchi", Map.of("port", "0", "indexer-port", "0",
                    "storage-url", "ceph://" + ceph.environment().get("CEPH_CONF")));
            try {
                assertEquals(200, Clients.get(gnocchi.environment().get("GNOCCHI_ENDPOINT") + "/").statusCode());
                String metric = Clients.gnocchi(gnocchi, "metric", "create", "--archive-policy-name", "low",
                        "-f", "value", "-c", "id").strip();
                Clients.gnocchi(gnocchi, "measures", "add", "-m", "2026-12-05T10:00:00@42", metric);
                long deadline = System.nanoTime() + 60_000_000_000L;
                ClientResult objects;
                do {
                    Thread.sleep(500);
                    objects = ceph(ceph, "rados", "-p", "gnocchi", "ls");
                    assertEquals(0, objects.status(), objects.output());
                } while (!objects.output().contains("gnocchi_" + metric + "_") && System.nanoTime() < deadline);
                assertTrue(objects.output().contains("gnocchi-config"), objects.output());
                assertTrue(objects.output().contains("gnocchi_" + metric + "_"), "metricd stored nothing of the metric: "
                        + objects.output());
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(gnocchi);
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(ceph);
        }
    }

    private static String psql() {
        return Files.isExecutable(Path.of("/usr/bin/psql")) ? "/usr/bin/psql" : "psql";
    }

    /** One of Ceph's clients with the cluster's variables, and no {@code CEPH_ARGS} of the machine's. */
    private static ClientResult ceph(RunningDaemon ceph, String... argv) {
        List<String> command = new ArrayList<>(List.of(argv));
        return DriverTestKit.runClient(command, env -> {
            env.keySet().removeIf(name -> name.startsWith("CEPH_"));
            env.putAll(ceph.environment());
        });
    }
}
