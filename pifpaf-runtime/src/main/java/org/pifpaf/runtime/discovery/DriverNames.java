package org.pifpaf.runtime.discovery;

import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.runtime.DriverDescriptor;
import org.slf4j.LoggerFactory;

/** Checks drivers' names as they are discovered: a name is a command-line word and part of variable names. */
public final class DriverNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private DriverNames() {
    }

    /**
     * Hands {@code sink} the descriptor of {@code driver} from {@code origin} if the driver's name
     * is valid; otherwise logs an error naming its class and origin, and drops it.
     */
    public static void ifValid(DaemonDriver driver, String origin, Consumer<DriverDescriptor> sink) {
        String name = driver.name();
        if (name != null && VALID.matcher(name).matches()) {
            sink.accept(new DriverDescriptor(driver, origin));
        } else {
            LoggerFactory.getLogger("pifpaf").error("driver {} from {} is ignored: its name '{}' is not lower-case"
                    + " letters, digits and '-', starting with a letter or digit", driver.getClass().getName(), origin, name);
        }
    }
}
