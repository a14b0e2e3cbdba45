package org.pifpaf.driver.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AuthenticationFailureException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.DriverTestKit;

class RabbitmqDriverTest {

    @Test
    void publishesAndConsumesAsTheUserOfTheUrlWhateverItsCharacters() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("rabbitmq",
                Map.of("port", "0", "username", "pif paf", "password", "s3cr@t:/%+é"));
        try {
            String port = daemon.environment().get("PIFPAF_RABBITMQ_PORT");
            assertEquals("rabbit://pif%20paf:s3cr%40t%3A%2F%25%2B%C3%A9@localhost:" + port + "//", daemon.url());
            AmqpBroker broker = AmqpBroker.fromUrl(daemon.url()).get(0);
            assertEquals("pif paf", broker.username());
            assertEquals("s3cr@t:/%+é", broker.password());
            assertEquals("pif\u00e9paf", broker.roundTrip("pifpaf-test", "pif\u00e9paf"));
            assertEquals(broker.serverVersion(), DriverTestKit.listedVersion("rabbitmq"),
                    "list-drivers shows the version of the broker that runs");
            // The definitions replace the default user, and only the right password gets in.
            assertThrows(AuthenticationFailureException.class,
                    () -> new AmqpBroker("localhost", broker.port(), "guest", "guest").roundTrip("q", "m"));
            assertThrows(AuthenticationFailureException.class,
                    () -> new AmqpBroker("localhost", broker.port(), "pif paf", "secret").roundTrip("q", "m"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void defaultsGiveTheOriginalUrlAndVariablesOnly() throws Exception {
        Assumptions.assumeTrue(portsFree(5682, 1), "port 5682 is taken");
        RunningDaemon daemon = DriverTestKit.start("rabbitmq", Map.of());
        try {
            Map<String, String> env = daemon.environment();
            // The original's fixed password is a random one now; the URL carries it.
            assertTrue(daemon.url().matches("rabbit://pifpaf:[A-Za-z0-9]{20}@localhost:5682//"), daemon.url());
            assertEquals(daemon.url(), env.get("PIFPAF_URL"));
            assertEquals("5682", env.get("PIFPAF_RABBITMQ_PORT"));
            assertEquals("pifpaf@localhost", env.get("PIFPAF_RABBITMQ_NODENAME"));
            assertEquals(daemon.dataDir().toString(), env.get("PIFPAF_DATA"));
            assertEquals(daemon.dataDir().toString(), env.get("PIFPAF_RABBITMQ_HOME"));
            // PIFPAF_DATA is kept, and nothing the nodes run with (HOME, RABBITMQ_*) leaks out.
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_RABBITMQ_HOME", "PIFPAF_RABBITMQ_EPMD_PORT",
                    "PIFPAF_RABBITMQ_PORT", "PIFPAF_RABBITMQ_NODENAME", "PIFPAF_URL"), List.copyOf(env.keySet()));
            assertEquals("hello", AmqpBroker.fromUrl(daemon.url()).get(0).roundTrip("pifpaf-test", "hello"));

            DriverTestKit.ClientResult users = Rabbitmqctl.run(daemon, "pifpaf@localhost", "list_users", "--quiet");
            assertEquals(0, users.status(), users.output());
            assertEquals(List.of("user\ttags", "pifpaf\t[administrator]"), users.output().strip().lines().toList());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void twoDaemonsWithTheSameNodeNameRunSideBySide() throws Exception {
        RunningDaemon first = DriverTestKit.start("rabbitmq", Map.of("port", "0"));
        try {
            RunningDaemon second = DriverTestKit.start("rabbitmq", Map.of("port", "0"));
            try {
                assertEquals(first.environment().get("PIFPAF_RABBITMQ_NODENAME"),
                        second.environment().get("PIFPAF_RABBITMQ_NODENAME"));
                assertNotEquals(first.environment().get("PIFPAF_RABBITMQ_EPMD_PORT"),
                        second.environment().get("PIFPAF_RABBITMQ_EPMD_PORT"));
                assertEquals("one", AmqpBroker.fromUrl(first.url()).get(0).roundTrip("q", "one"));
                assertEquals("two", AmqpBroker.fromUrl(second.url()).get(0).roundTrip("q", "two"));
            } finally {
                DriverTestKit.closeAndAssertNothingLeft(second);
            }
            // Stopping the second, its epmd included, leaves the first alone.
            assertEquals("three", AmqpBroker.fromUrl(first.url()).get(0).roundTrip("q", "three"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(first);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("rabbitmq", "port", Map.of());
    }

    @Test
    void clusterOfThreeKeepsServingWhileANodeIsKilledOrStoppedAndTakesItBack() throws Exception {
        boolean fixedPorts = portsFree(12345, 3);
        RunningDaemon daemon = DriverTestKit.start("rabbitmq",
                Map.of("cluster", "true", "port", fixedPorts ? "12345" : "0"));
        try {
            Map<String, String> env = daemon.environment();
            if (fixedPorts) {
                String password = daemon.url().substring("rabbit://pifpaf:".length(), daemon.url().indexOf('@'));
                assertEquals("rabbit://pifpaf:" + password + "@localhost:12345,pifpaf:" + password + "@localhost:12346,"
                        + "pifpaf:" + password + "@localhost:12347//", daemon.url());
                assertEquals("12345", env.get("PIFPAF_RABBITMQ_PORT"));
            }
            assertEquals("pifpaf-1@localhost", env.get("PIFPAF_RABBITMQ_NODENAME"));
            assertEquals("pifpaf-1@localhost", env.get("PIFPAF_RABBITMQ_NODENAME1"));
            assertEquals("pifpaf-2@localhost", env.get("PIFPAF_RABBITMQ_NODENAME2"));
            assertEquals("pifpaf-3@localhost", env.get("PIFPAF_RABBITMQ_NODENAME3"));
            List<String> nodes = List.of("pifpaf-1@localhost", "pifpaf-2@localhost", "pifpaf-3@localhost");
            assertEquals(nodes, Rabbitmqctl.runningNodes(daemon, "pifpaf-1@localhost"));
            List<AmqpBroker> brokers = AmqpBroker.fromUrl(daemon.url());
            assertEquals(3, brokers.size());
            // The nodes booted together: none seeded the guest user, and / runs on every one (a
            // node refuses connections to a virtual host it does not run).
            DriverTestKit.ClientResult users = Rabbitmqctl.run(daemon, "pifpaf-3@localhost", "list_users", "--quiet");
            assertEquals(List.of("user\ttags", "pifpaf\t[administrator]"), users.output().strip().lines().toList());
            for (AmqpBroker broker : brokers) {
                assertEquals("here", broker.roundTrip("on-" + broker.port(), "here"));
            }
            assertEquals("across", brokers.get(0).sendThenReceiveVia(brokers.get(2), "across-nodes", "across"));

            DaemonProcess second = daemon.process("pifpaf-2@localhost");
            second.kill();
            assertFalse(second.isAlive());
            assertEquals("still", brokers.get(2).sendThenReceiveVia(brokers.get(0), "while-down", "still"));

            second.start();
            assertTrue(second.isAlive());
            assertEquals(nodes, Rabbitmqctl.runningNodes(daemon, "pifpaf-1@localhost"));
            assertEquals("back", brokers.get(1).sendThenReceiveVia(brokers.get(0), "after-restart", "back"));

            // A graceful stop (SIGTERM) and a start, as the original's stop_node and start_node.
            DaemonProcess third = daemon.process("pifpaf-3@localhost");
            third.stop();
            assertFalse(third.isAlive());
            assertEquals("stopped", brokers.get(1).sendThenReceiveVia(brokers.get(0), "while-stopped", "stopped"));
            third.start();
            assertEquals(nodes, Rabbitmqctl.runningNodes(daemon, "pifpaf-1@localhost"));
            assertEquals("again", brokers.get(2).sendThenReceiveVia(brokers.get(1), "after-stop", "again"));
        } finally {
            int epmdPort = Integer.parseInt(daemon.environment().get("PIFPAF_RABBITMQ_EPMD_PORT"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
            assertThrows(IOException.class, () -> new Socket("127.0.0.1", epmdPort).close(), "epmd still listening");
        }
    }

    @Test
    void refusesANodeNameErlangCannotUse() {
        StartFailedException failure = assertThrows(StartFailedException.class,
                () -> DriverTestKit.start("rabbitmq", Map.of("port", "0", "nodename", "pif@paf")).close());
        assertTrue(failure.getMessage().contains("--nodename"), failure.getMessage());
    }

    @Test
    void declaresTheServerAndEpmdWithTheirPackages() {
        RabbitmqDriver driver = new RabbitmqDriver();
        assertEquals("rabbitmq", driver.name());
        assertEquals(List.of("rabbitmq-server", "epmd"), driver.binaries().stream().map(b -> b.name()).toList());
        assertEquals(List.of("rabbitmq-server", "erlang-base"),
                driver.binaries().stream().map(b -> b.debianPackage()).toList());
        assertTrue(driver.binaries().get(0).searchDirs().contains("/usr/lib/rabbitmq/bin"));
        assertEquals(List.of("port", "nodename", "username", "password", "cluster"),
                driver.options().stream().map(o -> o.name()).toList());
    }

    /** Whether {@code count} ports from {@code first} can be bound on the loopback interface. */
    private static boolean portsFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
