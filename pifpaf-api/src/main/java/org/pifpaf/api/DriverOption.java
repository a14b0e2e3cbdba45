package org.pifpaf.api;

import java.util.Objects;

/**
 * One option of a driver, e.g. {@code --port 6379}.
 *
 * <p>Names are written without dashes. The command line accepts {@code --name}; a name with
 * underscores (kept for compatibility, e.g. {@code ssl_chain_cert}) is accepted with dashes too.
 *
 * @param name         the option name without leading dashes
 * @param type         how the value is parsed
 * @param defaultValue the default as text ({@code null}: no default, the option is absent)
 * @param help         one line for {@code --help}
 */
public record DriverOption(String name, Type type, String defaultValue, String help) {

    /** How an option's value is written and parsed. */
    public enum Type {
        /** Free text. */
        STRING,
        /** A whole number. */
        INTEGER,
        /**
         * A TCP port: a whole number from 0 to 65535, where 0 means "pick a free one". The Java
         * fixtures pick free ports for every port option the user does not set.
         */
        PORT,
        /** A switch that is off unless given ({@code --sentinel}). */
        FLAG,
        /** An on/off pair with a default ({@code --sync} / {@code --no-sync}). */
        BOOLEAN
    }

    public DriverOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        if (name.isEmpty() || name.startsWith("-")) {
            throw new IllegalArgumentException("option names are written without dashes: " + name);
        }
    }

    /** A text option with a default ({@code null} for none). */
    public static DriverOption string(String name, String defaultValue, String help) {
        return new DriverOption(name, Type.STRING, defaultValue, help);
    }

    /** A whole-number option with a default. */
    public static DriverOption integer(String name, int defaultValue, String help) {
        return new DriverOption(name, Type.INTEGER, Integer.toString(defaultValue), help);
    }

    /** A TCP port option; {@code 0} means a free port chosen at start. */
    public static DriverOption port(String name, int defaultPort, String help) {
        return new DriverOption(name, Type.PORT, Integer.toString(defaultPort), help + " (0: pick a free port)");
    }

    /** A switch, off unless given. */
    public static DriverOption flag(String name, String help) {
        return new DriverOption(name, Type.FLAG, "false", help);
    }

    /** An on/off pair, {@code --name} and {@code --no-name}, with a default. */
    public static DriverOption bool(String name, boolean defaultValue, String help) {
        return new DriverOption(name, Type.BOOLEAN, Boolean.toString(defaultValue), help);
    }
}
