package com.example.pifpaf.mosquitto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;
import org.pifpaf.junit5.PifpafDaemon;

/**
 * How a project using this driver writes its tests: with pifpaf's JUnit 5 extension, a
 * throw-away broker for the class, handed to each test as a parameter. The driver only has to
 * be on the test class path.
 */
@PifpafDaemon(driver = "mosquitto")
class MosquittoExtensionTest {

    @Test
    void publishesAndReceives(Daemon mosquitto) throws Exception {
        MqttClients.assertRoundTrip(mosquitto.port());
        assertEquals("mqtt://localhost:" + mosquitto.port(), mosquitto.url());
        assertEquals(Integer.toString(mosquitto.port()), mosquitto.env("MOSQUITTO_PORT"));
    }
}
