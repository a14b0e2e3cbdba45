package org.pifpaf.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pifpaf.driver.redis.RedisFamilyChecks.AWKWARD_PASSWORD;
import static org.pifpaf.driver.redis.RedisFamilyChecks.port;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The valkey driver against the real valkey-server and valkey-sentinel, through Jedis (Valkey
 * speaks Redis's protocol) and valkey-cli: the Redis driver's behaviour under Valkey's names.
 */
class ValkeyDriverTest {

    @Test
    void storesAValueAndListsTheVersionThatRuns() {
        try (RunningDaemon daemon = DriverTestKit.start("valkey", Map.of("port", "0"))) {
            int port = port(daemon, "PIFPAF_VALKEY_PORT");
            try (Jedis jedis = new Jedis("localhost", port)) {
                jedis.set("greeting", "hello");
                assertEquals("hello", jedis.get("greeting"));
                assertTrue(jedis.info("server").contains("valkey_version:" + DriverTestKit.listedVersion("valkey") + "\r\n"),
                        "list-drivers shows the version of the server that runs");
            }
            assertEquals("valkey://localhost:" + port, daemon.url());
            assertEquals(daemon.url(), daemon.environment().get("PIFPAF_URL"));
            assertFalse(daemon.environment().containsKey("PIFPAF_VALKEY_SENTINEL_PORT"));
            assertFalse(daemon.environment().keySet().stream().anyMatch(name -> name.contains("REDIS")));
            ClientResult llen = DriverTestKit.runClient(List.of("valkey-cli", "-p", Integer.toString(port), "llen", "pifpaf"),
                    env -> { });
            assertEquals(new ClientResult(0, "0\n"), llen);
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aPasswordGoesIntoTheConfigQuotedAndIntoTheUrlEncoded() {
        try (RunningDaemon plain = DriverTestKit.start("valkey", Map.of("port", "0", "password", "secrete"))) {
            assertEquals("valkey://:secrete@localhost:" + port(plain, "PIFPAF_VALKEY_PORT"), plain.url());
            DriverTestKit.closeAndAssertNothingLeft(plain);
        }
        try (RunningDaemon daemon = DriverTestKit.start("valkey", Map.of("port", "0", "password", AWKWARD_PASSWORD))) {
            try (Jedis jedis = new Jedis("localhost", port(daemon, "PIFPAF_VALKEY_PORT"))) {
                assertThrows(JedisDataException.class, jedis::ping, "a password is required");
                assertEquals("OK", jedis.auth(AWKWARD_PASSWORD));
            }
            assertEquals(":" + AWKWARD_PASSWORD, URI.create(daemon.url()).getUserInfo());
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aSentinelWithAPasswordKnowsTheServerAsPifpaf() {
        try (RunningDaemon daemon = DriverTestKit.start("valkey",
                Map.of("port", "0", "sentinel", "true", "sentinel-port", "0", "password", "secrete"))) {
            int port = port(daemon, "PIFPAF_VALKEY_PORT");
            int sentinelPort = port(daemon, "PIFPAF_VALKEY_SENTINEL_PORT");
            JedisClientConfig withPassword = DefaultJedisClientConfig.builder().password("secrete").build();
            try (Jedis sentinel = new Jedis(new HostAndPort("localhost", sentinelPort), withPassword)) {
                assertEquals(List.of("127.0.0.1", Integer.toString(port)),
                        sentinel.sentinelGetMasterAddrByName(RedisFamilyDriver.MASTER_NAME));
            }
            try (JedisSentinelPool pool = new JedisSentinelPool(RedisFamilyDriver.MASTER_NAME,
                    Set.of(new HostAndPort("localhost", sentinelPort)), withPassword, withPassword);
                 Jedis jedis = pool.getResource()) {
                jedis.set("through", "sentinel");
                assertEquals("sentinel", jedis.get("through"));
            }
            assertEquals("valkey://:secrete@localhost:" + port, daemon.url(), "the URL names the server, not the sentinel");
            assertEquals(List.of("valkey-server", "valkey-sentinel"),
                    daemon.processes().stream().map(p -> p.label()).toList());
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listensOnLoopbackWithoutPersistence() {
        RedisFamilyChecks.assertListensOnLoopbackWithoutPersistence("valkey");
    }

    @Test
    void aFixedPortGivesTheOriginalUrl() {
        RedisFamilyChecks.assertAFixedPortGivesTheOriginalUrl("valkey", 6384);
    }

    @Test
    void aSentinelOnItsDefaultPortAsInTheOriginal() {
        RedisFamilyChecks.assertTheSentinelsDefaultPort("valkey", 6385);
    }

    @Test
    void aSentinelWithAnAwkwardPasswordAuthenticatesBothWays() throws InterruptedException {
        RedisFamilyChecks.assertASentinelWithAnAwkwardPasswordAuthenticatesBothWays("valkey");
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("valkey", "port", Map.of());
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("valkey", Map.of("sentinel", "true"));
    }
}
