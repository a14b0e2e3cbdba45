package org.pifpaf.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The redis driver against the real redis-server and redis-sentinel, through Jedis. Each daemon
 * is also closed by try-with-resources, so a failed assertion leaves nothing running.
 */
class RedisDriverTest {

    /** Everything Redis's config syntax and URLs make awkward: quotes, backslash, space, $, newline, é. */
    private static final String NASTY_PASSWORD = "p\"a ss$w\\ord\n\u00e9+@:/";
    private static final String NASTY_PASSWORD_ENCODED = "p%22a%20ss%24w%5Cord%0A%C3%A9%2B%40%3A%2F";

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
        try (RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0"))) {
            try (Jedis jedis = new Jedis("localhost", port(daemon, "PIFPAF_REDIS_PORT"))) {
                assertEquals(Map.of("bind", "127.0.0.1"), jedis.configGet("bind"));
                assertEquals(Map.of("save", ""), jedis.configGet("save"));
                assertEquals(Map.of("appendonly", "no"), jedis.configGet("appendonly"));
                assertEquals(Map.of("dir", daemon.dataDir().toString()), jedis.configGet("dir"));
            }
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortGivesTheOriginalUrl() {
        try (RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "6384"))) {
            assertEquals("redis://localhost:6384", daemon.environment().get("PIFPAF_URL"));
            assertEquals("6384", daemon.environment().get("PIFPAF_REDIS_PORT"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
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
        try (RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0", "password", NASTY_PASSWORD))) {
            int port = port(daemon, "PIFPAF_REDIS_PORT");
            try (Jedis jedis = new Jedis("localhost", port)) {
                assertThrows(JedisDataException.class, jedis::ping, "a password is required");
                assertEquals("OK", jedis.auth(NASTY_PASSWORD));
                assertEquals("PONG", jedis.ping());
            }
            assertEquals("redis://:" + NASTY_PASSWORD_ENCODED + "@localhost:" + port, daemon.url());
            assertEquals(":" + NASTY_PASSWORD, URI.create(daemon.url()).getUserInfo());
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
        try (RunningDaemon daemon = DriverTestKit.start("redis",
                Map.of("port", "0", "sentinel", "true", "sentinel-port", "0", "password", NASTY_PASSWORD))) {
            int sentinelPort = port(daemon, "PIFPAF_REDIS_SENTINEL_PORT");
            JedisClientConfig withPassword = DefaultJedisClientConfig.builder().password(NASTY_PASSWORD).build();
            try (Jedis sentinel = new Jedis(new HostAndPort("localhost", sentinelPort), withPassword)) {
                awaitSentinelConnectedToMaster(sentinel);
            }
            try (JedisSentinelPool pool = new JedisSentinelPool(RedisFamilyDriver.MASTER_NAME,
                    Set.of(new HostAndPort("localhost", sentinelPort)), withPassword, withPassword);
                 Jedis jedis = pool.getResource()) {
                jedis.set("secret", "kept");
                assertEquals("kept", jedis.get("secret"));
            }
            try (Jedis anonymous = new Jedis("localhost", sentinelPort)) {
                assertThrows(JedisDataException.class, anonymous::ping, "the sentinel wants the password too");
            }
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
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
        assertEquals(NASTY_PASSWORD_ENCODED, UserInfo.encode(NASTY_PASSWORD));
        assertEquals("Az09-._~", UserInfo.encode("Az09-._~"));
        assertEquals("a%20b", UserInfo.encode("a b"), "a space is %20, not the form encoding '+'");
    }

    private static int port(RunningDaemon daemon, String variable) {
        String value = daemon.environment().get(variable);
        assertTrue(value != null && value.matches("[1-9][0-9]*"), variable + "=" + value);
        return Integer.parseInt(value);
    }

    /**
     * The sentinel logs in to the server in the background after it is ready; a wrong auth-pass
     * shows as the flag "disconnected" and no INFO refresh, so wait for a refresh.
     */
    private static void awaitSentinelConnectedToMaster(Jedis sentinel) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Map<String, String> master = sentinel.sentinelMaster(RedisFamilyDriver.MASTER_NAME);
        while (System.nanoTime() < deadline) {
            master = sentinel.sentinelMaster(RedisFamilyDriver.MASTER_NAME);
            if (!"0".equals(master.get("info-refresh"))) {
                assertEquals("master", master.get("flags"));
                return;
            }
            Thread.sleep(20);
        }
        fail("the sentinel never got INFO from the server: " + master);
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("redis", Map.of());
    }
}
