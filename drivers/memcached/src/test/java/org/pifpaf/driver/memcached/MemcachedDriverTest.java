package org.pifpaf.driver.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;

/** The memcached driver against the real memcached, spoken to in its text protocol. */
class MemcachedDriverTest {

    @Test
    void storesAndReturnsAValue() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "0"));
        int port = Integer.parseInt(daemon.environment().get("PIFPAF_MEMCACHED_PORT"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertEquals("STORED", exchange(socket, "set greeting 0 0 5\r\nhello\r\n"));
            assertEquals("VALUE greeting 0 5", exchange(socket, "get greeting\r\n"));
            assertEquals("hello", reader(socket).readLine());
            assertEquals("END", reader(socket).readLine());
        }
        assertEquals("memcached://localhost:" + port, daemon.url());
        assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));
        assertNull(daemon.environment().get("PIFPAF_MEMCACHED_TLS_ENABLED"));
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void aFixedPortGivesTheOriginalUrl() {
        RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "11213"));
        assertEquals("memcached://localhost:11213", daemon.url());
        assertEquals("memcached://localhost:11213", daemon.environment().get("PIFPAF_URL"));
        assertEquals("11213", daemon.environment().get("PIFPAF_MEMCACHED_PORT"));
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("memcached", Map.of("port", "0"));
        String commandLine = Files.readString(Path.of("/proc", Long.toString(daemon.processes().get(0).pid()), "cmdline"))
                .replace('\0', ' ');
        assertTrue(commandLine.contains(" -l 127.0.0.1 "), commandLine);
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    @Test
    void speaksTlsWhenGivenACertificate(@TempDir Path certs) throws Exception {
        Files.setPosixFilePermissions(certs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = certs.resolve("key.pem");
        Path cert = certs.resolve("cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-subj", "/CN=localhost", "-days", "1", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            DriverTestKit.skipUnlessCi("openssl cannot make a test certificate");
        }
        // As root, memcached drops to the unprivileged user, which must read them.
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(cert, PosixFilePermissions.fromString("rw-r--r--"));
        RunningDaemon daemon = DriverTestKit.start("memcached",
                Map.of("port", "0", "ssl_chain_cert", cert.toString(), "ssl_key", key.toString()));
        int port = Integer.parseInt(daemon.environment().get("PIFPAF_MEMCACHED_PORT"));
        assertEquals("1", daemon.environment().get("PIFPAF_MEMCACHED_TLS_ENABLED"));
        try (Socket socket = trustingEveryone().getSocketFactory().createSocket("127.0.0.1", port)) {
            assertTrue(exchange(socket, "version\r\n").startsWith("VERSION "));
        }
        DriverTestKit.closeAndAssertNothingLeft(daemon);
    }

    private static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reader(socket).readLine();
    }

    private static final Map<Socket, BufferedReader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static BufferedReader reader(Socket socket) {
        return READERS.computeIfAbsent(socket, s -> {
            try {
                return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A test-only TLS context that accepts the self-signed certificate. */
    private static SSLContext trustingEveryone() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
