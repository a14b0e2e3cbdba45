package org.pifpaf.runtime;

import java.util.Map;
import java.util.NoSuchElementException;

/** Looking up a daemon's variables by their full name or without the prefix. */
public final class Variables {

    private Variables() {
    }

    /**
     * The value of {@code name} ({@code PGPORT}, {@code PIFPAF_URL}) or of {@code <prefix>_<name>}
     * ({@code REDIS_PORT}) in {@code environment}.
     *
     * @throws NoSuchElementException naming {@code driver} and what it exports, if neither is there
     */
    public static String lookUp(Map<String, String> environment, String prefix, String name, String driver) {
        String value = environment.get(name);
        if (value == null) {
            value = environment.get(prefix + "_" + name);
        }
        if (value == null) {
            throw new NoSuchElementException(driver + " exports no variable " + name + "; it exports "
                    + String.join(", ", environment.keySet()));
        }
        return value;
    }
}
