package org.pifpaf.driver.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.Binary;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;
import org.pifpaf.testkit.MissingBinaries;

class PostgresqlDriverTest {

    /** The client, which Debian's postgresql package brings along; /usr/bin's first. */
    private static final Binary PSQL = Binary.named("psql").in("/usr/bin").debian("postgresql-client").brew("libpq");

    @Test
    void answersSqlThroughTheExportedJdbcUrl() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_POSTGRESQL_JDBC_URL"));
             Statement sql = db.createStatement()) {
            assertEquals("1", queryOne(sql, "select 1"));
            sql.execute("create table pifpaf (id int primary key, name text)");
            sql.execute("insert into pifpaf values (1, 'pif'), (2, 'paf')");
            assertEquals("paf", queryOne(sql, "select name from pifpaf where id = 2"));
            String listed = DriverTestKit.listedVersion("postgresql");
            assertTrue(queryOne(sql, "show server_version").matches(java.util.regex.Pattern.quote(listed) + "( .*)?"),
                    "list-drivers shows " + listed + ", the server runs " + queryOne(sql, "show server_version"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void initdbRunsOnceThenStartsCopyTheCachedCluster(@TempDir Path cache) throws Exception {
        // Data written by one start must not reach the next: each gets a copy, not the template.
        for (int start = 1; start <= 3; start++) {
            RunningDaemon daemon = DriverTestKit.start(StartRequest.builder("postgresql")
                    .option("port", "0").cacheDir(cache.resolve("pifpaf")).build());
            try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_POSTGRESQL_JDBC_URL"));
                 Statement sql = db.createStatement()) {
                assertEquals(start == 1, Files.exists(daemon.dataDir().resolve("initdb.log")), "initdb ran at start " + start);
                assertEquals("0", queryOne(sql, "select count(*) from pg_tables where tablename = 'leftover'"));
                sql.execute("create table leftover (id int)");
                // The no-fsync settings are added to each copy, not baked into the cached one.
                assertEquals("off", queryOne(sql, "show fsync"));
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(daemon);
            }
        }
    }

    @Test
    void withoutTheCacheEveryStartRunsInitdb() throws Exception {
        for (int start = 1; start <= 2; start++) {
            RunningDaemon daemon = DriverTestKit.start(StartRequest.builder("postgresql")
                    .option("port", "0").option("sync", "true").cache(false).build());
            try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_POSTGRESQL_JDBC_URL"));
                 Statement sql = db.createStatement()) {
                assertTrue(Files.exists(daemon.dataDir().resolve("initdb.log")), "initdb ran at start " + start);
                assertEquals("on", queryOne(sql, "show fsync"));
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(daemon);
            }
        }
    }

    @Test
    void exportsLibpqVariablesPointingAtTheSocketAndCluster() {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try {
            Map<String, String> env = daemon.environment();
            String dataDir = daemon.dataDir().toString();
            String port = env.get("PGPORT");
            assertEquals(dataDir, env.get("PIFPAF_DATA"));
            assertEquals(dataDir, env.get("PGHOST"));
            assertEquals(daemon.dataDir().resolve("pgdata").toString(), env.get("PGDATA"));
            assertEquals("postgres", env.get("PGDATABASE"));
            assertTrue(Integer.parseInt(port) > 0, "PGPORT " + port);
            assertEquals(port, env.get("PIFPAF_POSTGRESQL_PORT"));
            assertEquals("postgresql://localhost/postgres?host=" + dataDir + "&port=" + port, env.get("PIFPAF_URL"));
            assertEquals(env.get("PIFPAF_URL"), daemon.url());
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + System.getProperty("user.name"),
                    env.get("PIFPAF_POSTGRESQL_JDBC_URL"));
            // The libpq variables come right after the data dir, before anything else, as in pifpaf.
            assertEquals(List.of("PIFPAF_DATA", "PGPORT", "PGHOST", "PGDATA", "PGDATABASE"),
                    new ArrayList<>(env.keySet()).subList(0, 5));
            assertTrue(Files.exists(daemon.dataDir().resolve(".s.PGSQL." + port)), "socket in the data dir");
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void psqlWorksWithTheExportedVariablesAlone() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try {
            ClientResult result = psql(daemon, "-Atc", "select 1");
            assertEquals(0, result.status(), result.output());
            assertEquals("1", result.output().strip());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void fixedPortGivesTheOriginalUrlFormat() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "9825"));
        try {
            assertEquals("postgresql://localhost/postgres?host=" + daemon.dataDir() + "&port=9825", daemon.url());
            assertEquals("9825", daemon.environment().get("PGPORT"));
            // The original pifpaf test: psql on template1, relying on PGHOST and PGPORT.
            ClientResult result = psql(daemon, "template1", "-c", "CREATE TABLE FOOBAR();");
            assertEquals(0, result.status(), result.output());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void turnsDurabilityOffByDefault() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_POSTGRESQL_JDBC_URL"));
             Statement sql = db.createStatement()) {
            assertTrue(postgresqlConf(daemon).contains("fsync = off"));
            assertEquals("off", queryOne(sql, "show fsync"));
            assertEquals("off", queryOne(sql, "show synchronous_commit"));
            assertEquals("off", queryOne(sql, "show full_page_writes"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void leavesNoSharedMemoryBehind() throws Exception {
        Path shm = Path.of("/dev/shm");
        List<Path> before = sharedMemorySegments(shm);
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0"));
        try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_POSTGRESQL_JDBC_URL"));
             Statement sql = db.createStatement()) {
            assertEquals("mmap", queryOne(sql, "show dynamic_shared_memory_type"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
        List<Path> after = sharedMemorySegments(shm);
        after.removeAll(before);
        assertEquals(List.of(), after, "segments the stopped server left in " + shm);
    }

    /** PostgreSQL's POSIX shared memory segments, which outlive a server stopped by SIGQUIT. */
    private static List<Path> sharedMemorySegments(Path shm) throws IOException {
        if (!Files.isDirectory(shm)) {
            return new ArrayList<>();
        }
        try (var files = Files.list(shm)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().startsWith("PostgreSQL.")).toList());
        }
    }

    @Test
    void syncKeepsDurability() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0", "sync", "true"));
        try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_POSTGRESQL_JDBC_URL"));
             Statement sql = db.createStatement()) {
            assertFalse(postgresqlConf(daemon).contains("fsync = off"));
            assertEquals("on", queryOne(sql, "show fsync"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void emptyHostListensOnTheSocketOnly() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("postgresql", Map.of("port", "0", "host", ""));
        try {
            String port = daemon.environment().get("PGPORT");
            assertFalse(daemon.environment().containsKey("PIFPAF_POSTGRESQL_JDBC_URL"));
            assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                    + "/postgres?connectTimeout=5&user=" + System.getProperty("user.name")).close());
            ClientResult result = psql(daemon, "-Atc", "select 1");
            assertEquals(0, result.status(), result.output());
            assertEquals("1", result.output().strip());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("postgresql", "port", Map.of());
    }

    @Test
    void declaresInitdbAndPostgresWithTheirPackage() {
        PostgresqlDriver driver = new PostgresqlDriver();
        assertEquals("postgresql", driver.name());
        assertEquals(List.of("initdb", "postgres"), driver.binaries().stream().map(b -> b.name()).toList());
        driver.binaries().forEach(binary -> {
            assertEquals(List.of("pg_config", "--bindir"), binary.bindirCommand());
            assertEquals("postgresql", binary.debianPackage());
        });
    }

    private static String queryOne(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next(), "no row from " + query);
            return rows.getString(1);
        }
    }

    private static String postgresqlConf(RunningDaemon daemon) throws IOException {
        return Files.readString(daemon.dataDir().resolve("pgdata/postgresql.conf"));
    }

    /** Runs psql with only the daemon's variables telling it where the server is. */
    private static ClientResult psql(RunningDaemon daemon, String... args) {
        List<String> argv = new ArrayList<>(List.of(MissingBinaries.require(PSQL).toString(), "--no-psqlrc"));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> {
            env.keySet().removeIf(name -> name.startsWith("PG"));
            env.putAll(daemon.environment());
        });
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("postgresql", Map.of());
    }
}
