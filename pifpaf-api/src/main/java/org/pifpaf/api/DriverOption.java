package org.pifpaf.api;

import java.util.List;
import java.util.Objects;

/**
 * One option of a driver, e.g. {@code --port 6379}. Immutable, and made only by the factories
 * ({@link #port}, {@link #string}, ...), so that later versions can add settings without
 * breaking compiled drivers.
 *
 * <p>Names are written without dashes. The command line accepts {@code --name}; a name with
 * underscores (kept for compatibility, e.g. {@code ssl_chain_cert}) is accepted with dashes too.
 */
public final class DriverOption {

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
        BOOLEAN,
        /** One of a few words ({@link #choices()}). */
        CHOICE
    }

    private final String name;
    private final Type type;
    private final String defaultValue;
    private final String help;
    private final List<String> choices;

    private DriverOption(String name, Type type, String defaultValue, String help, List<String> choices) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.help = help == null ? "" : help;
        this.choices = List.copyOf(choices);
        if (name.isEmpty() || name.startsWith("-")) {
            throw new IllegalArgumentException("option names are written without dashes: " + name);
        }
        if (type == Type.CHOICE && (choices.isEmpty() || defaultValue != null && !choices.contains(defaultValue))) {
            throw new IllegalArgumentException("option " + name + ": the default must be one of the choices " + choices);
        }
    }

    /** A text option with a default ({@code null} for none). */
    public static DriverOption string(String name, String defaultValue, String help) {
        return new DriverOption(name, Type.STRING, defaultValue, help, List.of());
    }

    /** A whole-number option with a default. */
    public static DriverOption integer(String name, int defaultValue, String help) {
        return new DriverOption(name, Type.INTEGER, Integer.toString(defaultValue), help, List.of());
    }

    /** A TCP port option; {@code 0} means a free port chosen at start. */
    public static DriverOption port(String name, int defaultPort, String help) {
        return new DriverOption(name, Type.PORT, Integer.toString(defaultPort), help + " (0: pick a free port)", List.of());
    }

    /**
     * A TCP port option without a default: absent unless given (MySQL listens on TCP only when
     * asked). The Java fixtures give it a free port like any other.
     */
    public static DriverOption optionalPort(String name, String help) {
        return new DriverOption(name, Type.PORT, null, help, List.of());
    }

    /** A switch, off unless given. */
    public static DriverOption flag(String name, String help) {
        return new DriverOption(name, Type.FLAG, "false", help, List.of());
    }

    /** An on/off pair, {@code --name} and {@code --no-name}, with a default. */
    public static DriverOption bool(String name, boolean defaultValue, String help) {
        return new DriverOption(name, Type.BOOLEAN, Boolean.toString(defaultValue), help, List.of());
    }

    /**
     * One of {@code choices}, {@code defaultValue} unless given; the runtime rejects any other
     * value before the driver starts.
     */
    public static DriverOption choice(String name, String defaultValue, String help, String... choices) {
        return new DriverOption(name, Type.CHOICE, Objects.requireNonNull(defaultValue, "defaultValue"), help,
                List.of(choices));
    }

    /** The option name without leading dashes. */
    public String name() {
        return name;
    }

    /** How the value is parsed. */
    public Type type() {
        return type;
    }

    /** The default as text, or {@code null} when the option is absent unless given. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One line for {@code --help}. */
    public String help() {
        return help;
    }

    /** The allowed values of a {@link Type#CHOICE} option; empty for the other types. */
    public List<String> choices() {
        return choices;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DriverOption that && name.equals(that.name) && type == that.type
                && Objects.equals(defaultValue, that.defaultValue) && help.equals(that.help) && choices.equals(that.choices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, help, choices);
    }

    @Override
    public String toString() {
        return "--" + name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
