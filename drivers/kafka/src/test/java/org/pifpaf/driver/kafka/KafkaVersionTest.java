package org.pifpaf.driver.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which modes each Kafka line has, as read from the version in its jar's name. */
class KafkaVersionTest {

    @ParameterizedTest(name = "Kafka {0}: ZooKeeper mode {1}, KRaft {2}")
    @CsvSource({
        "4.1.1, false, true",
        "4.0.0, false, true",
        "3.9.1, true, true",
        "3.3.2, true, true",
        "3.2.3, true, false",
        "2.8.2, true, false",
        "2.6.0, true, false",
        // A jar whose name carries no version: every mode is tried, and Kafka itself decides.
        "'', true, true",
    })
    void modes(String version, boolean zooKeeper, boolean kraft) {
        KafkaVersion parsed = KafkaVersion.of(version);
        assertEquals(zooKeeper, parsed.hasZooKeeperMode());
        assertEquals(kraft, parsed.hasKRaft());
    }
}
