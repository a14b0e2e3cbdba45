package org.pifpaf.driver.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.DriverTestKit;

/**
 * The memcached driver against the real memcached, spoken to in its text protocol. Each daemon
 * is also closed by try-with-resources, so a failed assertion leaves nothing running.
 */
class MemcachedDriverTest {

    @Test
    void storesAndReturnsAValue() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "0"));
             TextProtocolClient client = plainClient(port(daemon))) {
            assertEquals("STORED", client.send("set greeting 0 0 5", "hello"));
            assertEquals(List.of("VALUE greeting 0 5", "hello"), client.untilEnd("get greeting"));
            assertEquals("VERSION " + DriverTestKit.listedVersion("memcached"), client.send("version"),
                    "list-drivers shows the version of the server that runs");
            assertEquals("memcached://localhost:" + port(daemon), daemon.url());
            assertEquals(daemon.url(), daemon.environment().get("PIFPAF_URL"));
            assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));
            assertFalse(daemon.environment().containsKey("PIFPAF_MEMCACHED_TLS_ENABLED"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortGivesTheOriginalUrl() {
        try (RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "11213"))) {
            assertEquals("memcached://localhost:11213", daemon.url());
            assertEquals("memcached://localhost:11213", daemon.environment().get("PIFPAF_URL"));
            assertEquals("11213", daemon.environment().get("PIFPAF_MEMCACHED_PORT"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listensOnLoopbackOverTcpOnly() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "0"));
             TextProtocolClient client = plainClient(port(daemon))) {
            List<String> settings = client.untilEnd("stats settings");
            assertTrue(settings.contains("STAT inter 127.0.0.1"), settings::toString);
            assertTrue(settings.contains("STAT tcpport " + port(daemon)), settings::toString);
            assertTrue(settings.contains("STAT udpport 0"), settings::toString);
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void dropsRootToTheUnprivilegedUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root has privileges to drop");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the owner from /proc");
        try (RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "0"))) {
            Path process = Path.of("/proc", Long.toString(daemon.processes().get(0).pid()));
            assertFalse(Files.getOwner(process).getName().equals("root"), "memcached still runs as root");
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void speaksTlsWhenGivenACertificate(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.createIn(dir);
        try (RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "0",
                "ssl_chain_cert", certificate.chain().toString(), "ssl_key", certificate.key().toString()));
             TextProtocolClient client = new TextProtocolClient(
                     SelfSignedCertificate.trustingAnyServer().createSocket("127.0.0.1", port(daemon)))) {
            assertEquals("1", daemon.environment().get("PIFPAF_MEMCACHED_TLS_ENABLED"));
            assertTrue(client.send("version").startsWith("VERSION "));
            assertEquals("memcached://localhost:" + port(daemon), daemon.url());
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void refusesACertificatePathWithAComma() {
        StartFailedException failure = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                "memcached", Map.of("port", "0", "ssl_chain_cert", "/certs/a,b.pem")).close());
        assertTrue(failure.getMessage().contains("comma"), failure::getMessage);
    }

    private static TextProtocolClient plainClient(int port) throws Exception {
        return new TextProtocolClient(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    private static int port(RunningDaemon daemon) {
        String value = daemon.environment().get("PIFPAF_MEMCACHED_PORT");
        assertTrue(value != null && value.matches("[1-9][0-9]*"), "PIFPAF_MEMCACHED_PORT=" + value);
        return Integer.parseInt(value);
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("memcached", Map.of());
    }
}
