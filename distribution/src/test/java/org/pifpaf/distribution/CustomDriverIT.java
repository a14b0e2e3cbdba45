package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example third-party driver ({@code examples/custom-driver}, Eclipse Mosquitto) dropped
 * into a drivers directory as a single jar: the installed pifpaf lists it and runs it, as root
 * and as an unprivileged user, with the real MQTT clients.
 */
class CustomDriverIT {

    private static final Path MOSQUITTO_JAR = Launcher.TEST_DRIVERS.resolve("mosquitto.jar");

    /**
     * Subscribes first, then publishes until the subscriber has the message (it may not be
     * subscribed yet when the first one goes out), for at most about 4 seconds.
     */
    private static final String ROUND_TRIP = """
            out="$PIFPAF_DATA/received"
            mosquitto_sub -h 127.0.0.1 -p "$PIFPAF_MOSQUITTO_PORT" -t pifpaf/it -C 1 -W 5 >"$out" &
            sub=$!
            i=0
            while [ ! -s "$out" ] && [ "$i" -lt 40 ]; do
                mosquitto_pub -h 127.0.0.1 -p "$PIFPAF_MOSQUITTO_PORT" -t pifpaf/it -m hello || exit 2
                i=$((i + 1))
                sleep 0.1
            done
            wait "$sub" || exit 3
            test "$(cat "$out")" = hello || exit 4
            test "$PIFPAF_URL" = "mqtt://localhost:$PIFPAF_MOSQUITTO_PORT" || exit 5
            """;

    /** Readable by the unprivileged user too (a JUnit @TempDir is private to its owner). */
    private Path drivers;

    @BeforeEach
    void dropTheJarIntoADriversDirectory() throws IOException {
        drivers = Files.createTempDirectory("pifpaf-custom-drivers-");
        Files.setPosixFilePermissions(drivers, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.copy(MOSQUITTO_JAR, drivers.resolve("mosquitto.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void removeTheDriversDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(drivers)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Stream<Identity> identities() {
        return Identity.available();
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("identities")
    void theDroppedInJarIsListedWithItsOrigin(Identity identity) throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity,
                    List.of("pifpaf", "--drivers-dir", drivers.toString(), "list-drivers"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            String line = result.stdout().lines().filter(l -> l.startsWith("mosquitto ")).findFirst()
                    .orElseThrow(() -> new AssertionError("mosquitto is not listed\n" + result));
            assertTrue(line.contains(drivers.resolve("mosquitto.jar").toString()), line);
            assertEquals(List.of(), tmp.leftovers(), result.toString());
        }
    }

    @ParameterizedTest(name = "as {0}")
    @MethodSource("identities")
    void aRealClientUsesTheBrokerAndNothingIsLeft(Identity identity) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/mosquitto"))) {
            Binaries.require("mosquitto", "mosquitto");
        }
        Binaries.require("mosquitto_sub", "mosquitto-clients");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity, List.of("pifpaf", "--drivers-dir", drivers.toString(),
                    "run", "mosquitto", "--port", "0", "--", "sh", "-c", ROUND_TRIP), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertEquals(List.of(), tmp.leftovers(), result.toString());
        }
    }
}
