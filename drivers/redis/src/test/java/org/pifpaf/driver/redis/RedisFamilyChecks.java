package org.pifpaf.driver.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
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
 * Checks the redis and valkey drivers share, each against its real server, sentinel and
 * {@code <driver>-cli}: the driver's name gives its URL scheme, variables and programs.
 */
final class RedisFamilyChecks {

    /** Everything Redis's config syntax and URLs make awkward: quotes, backslash, space, $, newline, é. */
    static final String AWKWARD_PASSWORD = "p\"a ss$w\\ord\n\u00e9+@:/";
    static final String AWKWARD_PASSWORD_ENCODED = "p%22a%20ss%24w%5Cord%0A%C3%A9%2B%40%3A%2F";

    private RedisFamilyChecks() {
    }

    /** A port variable's value, which must be a port number. */
    static int port(RunningDaemon daemon, String variable) {
        String value = daemon.environment().get(variable);
        assertTrue(value != null && value.matches("[1-9][0-9]*"), variable + "=" + value);
        return Integer.parseInt(value);
    }

    /** The original's test: a fixed port gives {@code <driver>://localhost:<port>} and the port variable. */
    static void assertAFixedPortGivesTheOriginalUrl(String driver, int port) {
        assumeFree(port);
        try (RunningDaemon daemon = DriverTestKit.start(driver, Map.of("port", Integer.toString(port)))) {
            assertEquals(driver + "://localhost:" + port, daemon.environment().get("PIFPAF_URL"));
            assertEquals(Integer.toString(port), daemon.environment().get(variable(driver, "PORT")));
            assertEquals(new ClientResult(0, "0\n"), cli(driver, port, "llen", "pifpaf"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    /**
     * The original's sentinel test: a fixed server port and the sentinel on its default port,
     * 6380, which knows the server under the master name and is exported.
     */
    static void assertTheSentinelsDefaultPort(String driver, int port) {
        assumeFree(port, 6380);
        try (RunningDaemon daemon = DriverTestKit.start(driver, Map.of("port", Integer.toString(port), "sentinel", "true"))) {
            assertEquals(driver + "://localhost:" + port, daemon.url());
            assertEquals(Integer.toString(port), daemon.environment().get(variable(driver, "PORT")));
            assertEquals("6380", daemon.environment().get(variable(driver, "SENTINEL_PORT")));
            assertEquals(new ClientResult(0, "127.0.0.1\n" + port + "\n"),
                    cli(driver, 6380, "sentinel", "get-master-addr-by-name", RedisFamilyDriver.MASTER_NAME));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    /** The server binds loopback only, saves nothing and keeps its directory in the data directory. */
    static void assertListensOnLoopbackWithoutPersistence(String driver) {
        try (RunningDaemon daemon = DriverTestKit.start(driver, Map.of("port", "0"))) {
            try (Jedis jedis = new Jedis("localhost", port(daemon, variable(driver, "PORT")))) {
                assertEquals(Map.of("bind", "127.0.0.1"), jedis.configGet("bind"));
                assertEquals(Map.of("save", ""), jedis.configGet("save"));
                assertEquals(Map.of("appendonly", "no"), jedis.configGet("appendonly"));
                assertEquals(Map.of("dir", daemon.dataDir().toString()), jedis.configGet("dir"));
            }
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    /**
     * With {@link #AWKWARD_PASSWORD}, the sentinel logs in to the server with it (auth-pass) and
     * asks it of its own clients (requirepass): both quoted right in its configuration.
     */
    static void assertASentinelWithAnAwkwardPasswordAuthenticatesBothWays(String driver) throws InterruptedException {
        try (RunningDaemon daemon = DriverTestKit.start(driver,
                Map.of("port", "0", "sentinel", "true", "sentinel-port", "0", "password", AWKWARD_PASSWORD))) {
            int sentinelPort = port(daemon, variable(driver, "SENTINEL_PORT"));
            JedisClientConfig withPassword = DefaultJedisClientConfig.builder().password(AWKWARD_PASSWORD).build();
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

    /** {@code PIFPAF_REDIS_PORT}, {@code PIFPAF_VALKEY_SENTINEL_PORT}, ... */
    private static String variable(String driver, String name) {
        return "PIFPAF_" + driver.toUpperCase(java.util.Locale.ROOT) + "_" + name;
    }

    /** The driver's own command-line client, as the original's tests ran it. */
    private static ClientResult cli(String driver, int port, String... command) {
        List<String> argv = new java.util.ArrayList<>(List.of(driver + "-cli", "-p", Integer.toString(port)));
        argv.addAll(List.of(command));
        return DriverTestKit.runClient(argv, env -> { });
    }

    /** The original's fixed ports may be held by something else on a shared machine: skip then. */
    private static void assumeFree(int... ports) {
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.close();
            } catch (IOException taken) {
                Assumptions.abort("port " + port + " is taken");
            }
        }
    }
}
