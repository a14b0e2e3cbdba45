package org.pifpaf.driver.kafka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed Kafka's version, from its jar's name ({@code kafka_2.13-4.1.1.jar}), and the modes
 * it has: ZooKeeper mode until 3.x (4.0 removed it), KRaft from 3.3 (the first release that
 * called it ready for production; 2.8 to 3.2 had it as a preview).
 *
 * @param text  the version as found, empty when the jar's name carries none
 * @param major its major number, or -1 when unknown
 * @param minor its minor number, or -1 when unknown
 */
record KafkaVersion(String text, int major, int minor) {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Parses {@code text}; a version it cannot read counts as unknown, and every mode is tried. */
    static KafkaVersion of(String text) {
        Matcher matcher = MAJOR_MINOR.matcher(text);
        if (!matcher.find()) {
            return new KafkaVersion(text, -1, -1);
        }
        return new KafkaVersion(text, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether this Kafka still runs against ZooKeeper. */
    boolean hasZooKeeperMode() {
        return major < 4;
    }

    /** Whether this Kafka runs without ZooKeeper, formatted by its storage tool. */
    boolean hasKRaft() {
        return major < 0 || major > 3 || (major == 3 && minor >= 3);
    }
}
