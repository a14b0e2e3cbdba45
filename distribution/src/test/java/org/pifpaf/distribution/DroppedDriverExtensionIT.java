package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;
import org.pifpaf.junit5.PifpafDaemon;

/**
 * The example third-party driver, not on this test's class path but dropped into a drivers
 * directory ({@code PIFPAF_DRIVERS_PATH}, set by the build), used through the JUnit extension.
 */
class DroppedDriverExtensionIT {

    @BeforeAll
    static void binaries() {
        Binaries.require("mosquitto_pub", "mosquitto-clients");
    }

    @Test
    void theExtensionStartsADriverFromADriversDirectory(@PifpafDaemon(driver = "mosquitto") Daemon mosquitto)
            throws Exception {
        assertEquals("mqtt://localhost:" + mosquitto.port(), mosquitto.url());
        assertEquals(Launcher.TEST_DRIVERS.resolve("mosquitto.jar").toString(),
                org.pifpaf.runtime.DriverRegistry.discover(org.pifpaf.runtime.DriverRegistry.driversPathFromEnvironment(
                        org.pifpaf.runtime.Environment.process()))
                        .find("mosquitto").orElseThrow().origin(), "loaded from the drivers directory");
        String port = Integer.toString(mosquitto.port());
        Process subscriber = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-t", "pifpaf",
                "-C", "1", "-W", "10").redirectErrorStream(true).start();
        for (int attempt = 0; attempt < 50 && subscriber.isAlive(); attempt++) {
            // Publish until the subscriber, which may not be subscribed yet, gets a message.
            new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", "pifpaf", "-m", "hello")
                    .start().waitFor(5, TimeUnit.SECONDS);
            if (subscriber.waitFor(200, TimeUnit.MILLISECONDS)) {
                break;
            }
        }
        String received = new String(subscriber.getInputStream().readAllBytes()).trim();
        assertEquals("hello", received);
    }
}
