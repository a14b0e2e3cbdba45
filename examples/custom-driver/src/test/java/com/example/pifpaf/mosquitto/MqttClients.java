package com.example.pifpaf.mosquitto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.pifpaf.api.Binary;
import org.pifpaf.testkit.MissingBinaries;

/**
 * A publish/subscribe round trip with the real command-line clients of Mosquitto
 * ({@code mosquitto_sub} and {@code mosquitto_pub}, Debian package {@code mosquitto-clients}).
 */
final class MqttClients {

    private MqttClients() {
    }

    /**
     * Subscribes to a fresh topic on {@code port}, publishes a message to it until the subscriber
     * has it (it may not be subscribed yet when the first one goes out), and asserts it arrived.
     */
    static void assertRoundTrip(int port) throws IOException, InterruptedException {
        String topic = "pifpaf/" + UUID.randomUUID();
        String message = "hello " + topic;
        Process subscriber = start(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-t", topic, "-C", "1", "-W", "20"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!subscriber.waitFor(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                Process publisher = start(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                        "-t", topic, "-m", message));
                if (!publisher.waitFor(10, TimeUnit.SECONDS)) {
                    publisher.destroyForcibly();
                }
            }
            if (!subscriber.waitFor(1, TimeUnit.SECONDS)) {
                throw new AssertionError("mosquitto_sub received nothing on port " + port);
            }
            String received = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, subscriber.exitValue(), "mosquitto_sub: " + received);
            assertEquals(message, received);
        } finally {
            subscriber.destroyForcibly();
        }
    }

    /** What the broker on {@code port} says its version is, in its {@code $SYS} topic. */
    static String brokerVersion(int port) throws IOException, InterruptedException {
        Process subscriber = start(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-t", "$SYS/broker/version", "-C", "1", "-W", "20"));
        String version = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, subscriber.waitFor(), "mosquitto_sub: " + version);
        return version;
    }

    private static Process start(List<String> argv) throws IOException {
        // The clients are a separate package: skipped on a developer machine, failed in CI.
        List<String> command = new ArrayList<>(argv);
        command.set(0, MissingBinaries.require(Binary.named(argv.get(0)).debian("mosquitto-clients").brew("mosquitto")).toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
