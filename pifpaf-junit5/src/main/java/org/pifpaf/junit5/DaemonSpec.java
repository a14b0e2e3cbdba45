package org.pifpaf.junit5;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.Daemon;
import org.pifpaf.DaemonBuilder;
import org.pifpaf.Pifpaf;
import org.pifpaf.runtime.StartFailedException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One {@link PifpafDaemon} declaration, with the name tests refer to it by. */
record DaemonSpec(String name, PifpafDaemon annotation) {

    static DaemonSpec of(PifpafDaemon annotation, String defaultName) {
        if (annotation.driver().isEmpty()) {
            throw new ExtensionConfigurationException("@PifpafDaemon needs a driver here");
        }
        String name = !annotation.name().isEmpty() ? annotation.name()
                : defaultName != null ? defaultName : annotation.driver();
        return new DaemonSpec(name, annotation);
    }

    /** Identifies daemons that may be shared: same driver, options, prefix and properties. */
    String sharingKey() {
        return annotation.driver() + "|" + Arrays.toString(annotation.options()) + "|" + annotation.prefix()
                + "|" + Arrays.toString(annotation.systemProperties()) + "|" + annotation.timeoutSeconds();
    }

    /** Starts the daemon: a missing binary fails the test, or skips it if {@code skipIfUnavailable}. */
    Daemon start(boolean skipIfUnavailable) {
        DaemonBuilder builder = Pifpaf.daemon(annotation.driver()).options(options()).prefix(annotation.prefix());
        if (annotation.timeoutSeconds() > 0) {
            builder.timeout(Duration.ofSeconds(annotation.timeoutSeconds()));
        }
        try {
            return builder.start();
        } catch (StartFailedException e) {
            throw MissingBinaryPolicy.skipOrRethrow(e, skipIfUnavailable);
        }
    }

    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : annotation.options()) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("@PifpafDaemon option '" + option + "' is not name=value");
            }
            options.put(option.substring(0, equals).trim(), option.substring(equals + 1));
        }
        return options;
    }

    /** The system properties to set, as name to template. */
    List<String[]> systemProperties() {
        return Arrays.stream(annotation.systemProperties()).map(property -> {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("@PifpafDaemon system property '" + property
                        + "' is not name=template");
            }
            return new String[] {property.substring(0, equals).trim(), property.substring(equals + 1)};
        }).toList();
    }
}
