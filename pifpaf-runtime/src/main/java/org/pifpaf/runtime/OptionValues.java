package org.pifpaf.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverOption;
import org.pifpaf.runtime.stack.OptionText;

/** A driver's option values, checked against its declared options and filled with defaults. */
final class OptionValues {

    private final String driver;
    private final Map<String, DriverOption> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private OptionValues(String driver) {
        this.driver = driver;
    }

    /**
     * Checks {@code given} (names with or without dashes for underscores) against the options
     * {@code driver} declares.
     *
     * @throws InvalidRequestException for an unknown option or a badly typed value
     */
    static OptionValues of(DaemonDriver driver, Map<String, String> given) {
        OptionValues options = new OptionValues(driver.name());
        for (DriverOption option : driver.options()) {
            options.declared.put(option.name(), option);
            if (option.defaultValue() != null) {
                options.values.put(option.name(), option.defaultValue());
            }
        }
        given.forEach((name, value) -> {
            DriverOption option = options.lookUp(name);
            options.values.put(option.name(), checked(driver.name(), option, value));
        });
        return options;
    }

    private DriverOption lookUp(String name) {
        for (DriverOption option : declared.values()) {
            if (option.name().equals(name) || option.name().replace('_', '-').equals(name)) {
                return option;
            }
        }
        throw new InvalidRequestException("unknown option --" + name + " for driver " + driver);
    }

    private static String checked(String driver, DriverOption option, String value) {
        if (value == null) {
            throw new InvalidRequestException("option --" + option.name() + " of " + driver + " needs a value");
        }
        try {
            return OptionText.normalized(option, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("option --" + option.name() + " of " + driver + ": " + e.getMessage());
        }
    }

    String text(String name) {
        declaredOrFail(name);
        return values.get(name);
    }

    int integer(String name) {
        String value = text(name);
        if (value == null) {
            throw new IllegalStateException("option " + name + " of " + driver + " has no value");
        }
        return Integer.parseInt(value);
    }

    boolean bool(String name) {
        return Boolean.parseBoolean(text(name));
    }

    private void declaredOrFail(String name) {
        if (!declared.containsKey(name)) {
            // A driver bug, not a user error: it asked for an option it never declared.
            throw new IllegalStateException("driver " + driver + " reads undeclared option " + name);
        }
    }

    /** Looks an option up as this class does: by name, or with dashes for underscores. */
    static Optional<DriverOption> declared(DaemonDriver driver, String written) {
        return driver.options().stream()
                .filter(option -> option.name().equals(written) || option.name().replace('_', '-').equals(written))
                .findFirst();
    }

    /** "driver x has no option 'y'; did you mean 'z'?" */
    static String unknownOption(DaemonDriver driver, String written) {
        List<String> declared = driver.options().stream().map(DriverOption::name).toList();
        String problem = "driver " + driver.name() + " has no option '" + written + "'";
        if (declared.isEmpty()) {
            return problem + "; it takes no options";
        }
        return problem + StackFiles.closest(written.replace('-', '_'), declared)
                .map(closest -> "; did you mean '" + closest + "'?")
                .orElse("; its options are " + String.join(", ", declared));
    }
}
