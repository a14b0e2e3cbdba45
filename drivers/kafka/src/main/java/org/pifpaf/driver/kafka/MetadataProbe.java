package org.pifpaf.driver.kafka;

import java.nio.file.Path;
import org.pifpaf.api.Command;

/**
 * The readiness probe: a Kafka metadata request sent over a plain socket, answered with at least
 * one live broker. A broker answers metadata only once it accepts requests, and lists itself only
 * once its controller has unfenced it (KRaft) or it has registered in ZooKeeper: from then on a
 * producer's first request succeeds. A log line alone says less: "Kafka Server started" comes
 * from a different class in each mode and version.
 *
 * <p>The request is Metadata version 4 for no topic, which every broker from Kafka 1.0 to 4.x
 * answers (Kafka 4.0 dropped versions 0 to 3). It is written by bash's {@code /dev/tcp}, and the
 * first 16 bytes of the answer are read by {@code od}: length, correlation id, throttle time and
 * the number of brokers, which must not be 0. A broker that has bound its port but does not
 * serve requests yet keeps the request waiting; the runtime ends a probe after 5 seconds.
 */
final class MetadataProbe {

    /**
     * {@code $1} is the port. The request: length 21, API key 3 (Metadata), version 4,
     * correlation id 1, client id "pifpaf", an empty topic array (no topic, not all of them) and
     * no topic auto-creation, in octal escapes.
     */
    private static final String SCRIPT = String.join("\n",
            // Quietly: the port refuses connections until the broker binds it.
            "{ exec 3<>\"/dev/tcp/127.0.0.1/$1\"; } 2>/dev/null || exit 1",
            "printf '\\0\\0\\0\\25\\0\\3\\0\\4\\0\\0\\0\\1\\0\\6pifpaf\\0\\0\\0\\0\\0' >&3 || exit 1",
            "set -- $(od -An -tu1 -N16 <&3)",
            "[ $# -eq 16 ] && [ \"$8\" = 1 ] && [ \"${13}${14}${15}${16}\" != 0000 ]",
            "");

    private MetadataProbe() {
    }

    /** The probe of the broker listening on {@code port}, run by {@code bash}. */
    static Command of(Path bash, int port) {
        return Command.of(bash, "-c", SCRIPT, "kafka-ready", Integer.toString(port)).label("kafka-ready");
    }
}
