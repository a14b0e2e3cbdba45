package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pifpaf.Daemon;
import org.pifpaf.DaemonStack;
import org.pifpaf.Pifpaf;
import org.pifpaf.testkit.SkipWhenMissing;
import redis.clients.jedis.Jedis;

/** The library API, with real daemons and real clients. */
@ExtendWith(SkipWhenMissing.class)
class PifpafLibraryTest {

    @Test
    void startsPostgresqlForJdbcAndCleansUp() throws Exception {
        Path dataDir;
        try (Daemon pg = Pifpaf.start("postgresql", Map.of("sync", true))) {
            dataDir = pg.dataDir();
            try (Connection db = DriverManager.getConnection(pg.jdbcUrl());
                 Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("show fsync")) {
                rows.next();
                assertEquals("on", rows.getString(1));
            }
            assertEquals(pg.env("PGPORT"), Integer.toString(pg.port()));
            assertEquals(pg.env("PIFPAF_URL"), pg.env("URL"));
            assertTrue(pg.log().contains("ready to accept connections"));
            assertThrows(NoSuchElementException.class, () -> pg.env("NO_SUCH_VARIABLE"));
        }
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void dataGoesOnMemoryWhenATmpfsHasRoomUnlessADirectoryIsSet(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PIFPAF_DATA_ON_MEMORY") == null
                && System.getenv("XDG_RUNTIME_DIR") == null && Files.isDirectory(shm)
                && Files.getFileStore(shm).type().equals("tmpfs") && Files.getFileStore(shm).getUsableSpace() > 2L << 30,
                "no /dev/shm with room, or the setting is in the environment");
        try (Daemon redis = Pifpaf.start("redis")) {
            assertEquals(shm, redis.dataDir().getParent());
            try (Jedis jedis = new Jedis(java.net.URI.create(redis.url()))) {
                assertEquals("PONG", jedis.ping());
            }
        }
        try (Daemon redis = Pifpaf.daemon("redis").tmpDir(tmp).start()) {
            assertEquals(tmp, redis.dataDir().getParent());
        }
        try (Daemon redis = Pifpaf.daemon("redis").dataOnMemory(false).start()) {
            assertFalse(redis.dataDir().startsWith(shm));
        }
    }

    @Test
    void aBuilderSetsOptionsPrefixAndTimeout() {
        try (Daemon redis = Pifpaf.daemon("redis").option("password", "s3cret").prefix("CACHE")
                .timeout(Duration.ofSeconds(20)).start()) {
            assertEquals("redis", redis.driver());
            assertTrue(redis.environment().containsKey("CACHE_REDIS_PORT"));
            try (Jedis jedis = new Jedis(java.net.URI.create(redis.url()))) {
                assertEquals("PONG", jedis.ping());
            }
        }
    }

    @Test
    void startsAStackFile() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource("catalog-stack.yaml").toURI());
        try (DaemonStack stack = Pifpaf.stack(file).start()) {
            Daemon cache = stack.daemon("cache");
            try (Jedis jedis = new Jedis("localhost", cache.port())) {
                jedis.auth("pg-" + stack.daemon("index").env("PGPORT"));
                assertEquals("PONG", jedis.ping());
            }
            assertTrue(stack.environment().containsKey("INDEX_URL"));
            assertThrows(NoSuchElementException.class, () -> stack.daemon("nope"));
        }
    }

    @Test
    void listsTheDriversItCanStart() {
        assertTrue(Pifpaf.drivers().containsAll(java.util.List.of("postgresql", "redis", "memcached")));
    }
}
