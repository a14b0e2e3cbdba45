package org.pifpaf.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pifpaf.driver.redis.RedisFamilyChecks.AWKWARD_PASSWORD;
import static org.pifpaf.driver.redis.RedisFamilyChecks.AWKWARD_PASSWORD_ENCODED;
import static org.pifpaf.driver.redis.RedisFamilyChecks.port;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The redis driver against the real redis-server and redis-sentinel, through Jedis. Each daemon
 * is also closed by try-with-resources, so a failed assertion leaves nothing running.
 */
class RedisDriverTest {

    @Test
    void storesAndReturnsAValue() {
        try (RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0"))) {
            int port = port(daemon, "PIFPAF_REDIS_PORT");
            try (Jedis jedis = new Jedis("localhost", port)) {
                jedis.set("greeting", "hello");
                assertEquals("hello", jedis.get("greeting"));
                assertEquals(0, jedis.llen("pifpaf"));
                assertTrue(jedis.info("server").contains("redis_version:" + DriverTestKit.listedVersion("redis") + "\r\n"),
                        "list-drivers shows the version of the server that runs");
            }
            assertEquals("redis://localhost:" + port, daemon.url());
            assertEquals(daemon.url(), daemon.environment().get("PIFPAF_URL"));
            assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));
            assertFalse(daemon.environment().containsKey("PIFPAF_REDIS_SENTINEL_PORT"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listensOnLoopbackWithoutPersistence() {
        RedisFamilyChecks.assertListensOnLoopbackWithoutPersistence("redis");
    }

    @Test
    void aFixedPortGivesTheOriginalUrl() {
        RedisFamilyChecks.assertAFixedPortGivesTheOriginalUrl("redis", 6384);
    }

    @Test
    void aSentinelOnItsDefaultPortAsInTheOriginal() {
        RedisFamilyChecks.assertTheSentinelsDefaultPort("redis", 6385);
    }

    @Test
    void aPlainPasswordGoesIntoTheUrlAsIs() {
        try (RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0", "password", "secrete"))) {
            assertEquals("redis://:secrete@localhost:" + port(daemon, "PIFPAF_REDIS_PORT"), daemon.url());
            try (Jedis jedis = new Jedis(URI.create(daemon.url()))) {
                assertEquals("PONG", jedis.ping());
            }
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void anAwkwardPasswordIsQuotedInTheConfigAndPercentEncodedInTheUrl() {
        try (RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0", "password", AWKWARD_PASSWORD))) {
            int port = port(daemon, "PIFPAF_REDIS_PORT");
            try (Jedis jedis = new Jedis("localhost", port)) {
                assertThrows(JedisDataException.class, jedis::ping, "a password is required");
                assertEquals("OK", jedis.auth(AWKWARD_PASSWORD));
                assertEquals("PONG", jedis.ping());
            }
            assertEquals("redis://:" + AWKWARD_PASSWORD_ENCODED + "@localhost:" + port, daemon.url());
            assertEquals(":" + AWKWARD_PASSWORD, URI.create(daemon.url()).getUserInfo());
            try (Jedis jedis = new Jedis(URI.create(daemon.url()))) {
                assertEquals("PONG", jedis.ping(), "Jedis decodes the password from the URL");
            }
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aSentinelKnowsTheServerAsPifpaf() {
        try (RunningDaemon daemon = DriverTestKit.start("redis",
                Map.of("port", "0", "sentinel", "true", "sentinel-port", "0"))) {
            int port = port(daemon, "PIFPAF_REDIS_PORT");
            int sentinelPort = port(daemon, "PIFPAF_REDIS_SENTINEL_PORT");
            try (Jedis sentinel = new Jedis("localhost", sentinelPort)) {
                assertEquals(List.of("127.0.0.1", Integer.toString(port)),
                        sentinel.sentinelGetMasterAddrByName(RedisFamilyDriver.MASTER_NAME));
            }
            try (JedisSentinelPool pool = new JedisSentinelPool(RedisFamilyDriver.MASTER_NAME,
                    Set.of("localhost:" + sentinelPort));
                 Jedis jedis = pool.getResource()) {
                jedis.set("through", "sentinel");
                assertEquals("sentinel", jedis.get("through"));
            }
            assertEquals("redis://localhost:" + port, daemon.url(), "the URL names the server, not the sentinel");
            assertEquals(2, daemon.processes().size());
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aSentinelWithAnAwkwardPasswordAuthenticatesBothWays() throws InterruptedException {
        RedisFamilyChecks.assertASentinelWithAnAwkwardPasswordAuthenticatesBothWays("redis");
    }

    @Test
    void configQuotingKeepsEveryByte() {
        assertEquals("\"a\\\"b\\\\c\\x0ad$ e\\xc3\\xa9\"", RedisConfig.quote("a\"b\\c\nd$ e\u00e9"));
        assertEquals("\"\"", RedisConfig.quote(""));
        assertEquals("requirepass \"x y\"\nsave \"\"\n",
                new RedisConfig().set("requirepass", "x y").set("save", "").toString());
    }

    @Test
    void userInfoEncodingLeavesOnlyUnreservedCharacters() {
        assertEquals(AWKWARD_PASSWORD_ENCODED, UserInfo.encode(AWKWARD_PASSWORD));
        assertEquals("Az09-._~", UserInfo.encode("Az09-._~"));
        assertEquals("a%20b", UserInfo.encode("a b"), "a space is %20, not the form encoding '+'");
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("redis", Map.of());
    }
}
