package org.pifpaf.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.exceptions.JedisDataException;

/** The redis driver against the real redis-server and redis-sentinel, through Jedis. */
class RedisDriverTest {

    private static final String NASTY_PASSWORD = "p\"a ss$w\\ord 'é' `x`";

    private static int port(RunningDaemon daemon) {
        return Integer.parseInt(daemon.environment().get("PIFPAF_REDIS_PORT"));
    }

    @Test
    void storesAndReturnsAValue() {
        RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0"));
        try (Jedis jedis = new Jedis("localhost", port(daemon))) {
            jedis.set("greeting", "hello");
            assertEquals("hello", jedis.get("greeting"));
            assertEquals(0, jedis.llen("pifpaf"));
        }
        assertEquals("redis://localhost:" + port(daemon), daemon.url());
        assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));
        assertNull(daemon.environment().get("PIFPAF_REDIS_SENTINEL_PORT"));
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void aFixedPortGivesTheOriginalUrl() {
        RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "6384"));
        assertEquals("redis://localhost:6384", daemon.environment().get("PIFPAF_URL"));
        assertEquals("6384", daemon.environment().get("PIFPAF_REDIS_PORT"));
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void theUrlWorksAsIsWithJedis() {
        RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0", "password", "secrete"));
        assertEquals("redis://:secrete@localhost:" + port(daemon), daemon.url());
        try (Jedis jedis = new Jedis(URI.create(daemon.url()))) {
            assertEquals("PONG", jedis.ping());
        }
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void anAwkwardPasswordIsEscapedInTheConfigAndEncodedInTheUrl() {
        RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0", "password", NASTY_PASSWORD));
        try (Jedis jedis = new Jedis("localhost", port(daemon))) {
            assertThrows(JedisDataException.class, jedis::ping, "a password is required");
            assertEquals("OK", jedis.auth(NASTY_PASSWORD));
            assertEquals("PONG", jedis.ping());
        }
        String userInfo = URI.create(daemon.url()).getRawUserInfo();
        assertEquals(":" + NASTY_PASSWORD, URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8));
        assertTrue(userInfo.matches("[A-Za-z0-9%:._~-]+"), userInfo);
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void aSentinelWatchesTheServer() {
        RunningDaemon daemon = DriverTestKit.start("redis", Map.of("port", "0", "sentinel", "true", "sentinel-port", "0"));
        int sentinelPort = Integer.parseInt(daemon.environment().get("PIFPAF_REDIS_SENTINEL_PORT"));
        try (Jedis sentinel = new Jedis("localhost", sentinelPort)) {
            assertEquals(List.of("127.0.0.1", Integer.toString(port(daemon))),
                    sentinel.sentinelGetMasterAddrByName(RedisDriver.MASTER_NAME));
        }
        try (JedisSentinelPool pool = new JedisSentinelPool(RedisDriver.MASTER_NAME, Set.of("localhost:" + sentinelPort));
             Jedis jedis = pool.getResource()) {
            jedis.set("through", "sentinel");
            assertEquals("sentinel", jedis.get("through"));
        }
        assertEquals(2, daemon.processes().size());
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void aSentinelWithAPassword() {
        RunningDaemon daemon = DriverTestKit.start("redis",
                Map.of("port", "0", "sentinel", "true", "sentinel-port", "0", "password", NASTY_PASSWORD));
        int sentinelPort = Integer.parseInt(daemon.environment().get("PIFPAF_REDIS_SENTINEL_PORT"));
        var withPassword = DefaultJedisClientConfig.builder().password(NASTY_PASSWORD).build();
        try (JedisSentinelPool pool = new JedisSentinelPool(RedisDriver.MASTER_NAME,
                Set.of(new HostAndPort("localhost", sentinelPort)), withPassword, withPassword);
             Jedis jedis = pool.getResource()) {
            jedis.set("secret", "kept");
            assertEquals("kept", jedis.get("secret"));
        }
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void configQuotingKeepsEveryByte() {
        assertEquals("\"a\\\"b\\\\c\\x0ad\\xc3\\xa9\"", RedisConfig.quote("a\"b\\c\nd\u00e9"));
        assertEquals("%3Ap%40ss%20w%2Bord", UrlEncoding.encode(":p@ss w+ord"));
    }
}
