package org.pifpaf.driver.gnocchi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.DriverTestKit;

/**
 * Starts that cannot succeed fail at once, before any daemon starts, saying why, and leave no
 * data directory behind.
 */
class GnocchiStartFailuresTest {

    /** Long enough for a PostgreSQL to start, far shorter than a Gnocchi. */
    private static final long AT_ONCE_MILLIS = 3_000;

    @Test
    void anEmptyIndexerUrlIsRejected() throws IOException {
        StartFailedException failure = failsAtOnce(Map.of("port", "0", "indexer-url", ""));
        assertTrue(failure.getMessage().contains("--indexer-url is empty"), failure.getMessage());
    }

    @Test
    void anUnsupportedStorageUrlIsRejected() throws IOException {
        StartFailedException failure = failsAtOnce(Map.of("port", "0", "storage-url", "mongodb://localhost:27017"));
        assertTrue(failure.getMessage().contains("Storage driver mongodb is not supported"), failure.getMessage());
    }

    @Test
    void aTakenApiPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("gnocchi", "port", Map.of());
    }

    @Test
    void aTakenStatsdPortFailsAtOnceThoughItIsUdp() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            StartFailedException failure = failsAtOnce(Map.of("port", "0", "statsd-port", Integer.toString(port)));
            assertTrue(failure.getMessage().contains("statsd port " + port + " is already in use (UDP)"),
                    failure.getMessage());
        }
    }

    private static StartFailedException failsAtOnce(Map<String, String> options) throws IOException {
        List<Path> before = gnocchiDirectories();
        long started = System.nanoTime();
        StartFailedException failure = assertThrows(StartFailedException.class,
                () -> DriverTestKit.start("gnocchi", options).close());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < AT_ONCE_MILLIS, "took " + millis + " ms: " + failure.getMessage());
        assertEquals(StartFailedException.Reason.DAEMON_FAILED, failure.reason());
        assertEquals(before, gnocchiDirectories(), "a data directory was left");
        return failure;
    }

    private static List<Path> gnocchiDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("pifpaf-gnocchi-")).sorted().toList();
        }
    }
}
