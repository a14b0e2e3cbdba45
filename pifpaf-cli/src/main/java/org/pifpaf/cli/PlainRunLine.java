package org.pifpaf.cli;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pifpaf.api.DriverOption;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverDescriptor;

/**
 * A plain {@code pifpaf [options] run [options] DRIVER [options] [--] [COMMAND...]}, read without
 * picocli. Building picocli's model and parsing with it costs a JVM that has just started about
 * 50 ms, a third of a whole {@code pifpaf run memcached -- true}; this reader costs well under one.
 *
 * <p>It knows only the common shapes: options by their exact names (no clustered short options,
 * no abbreviations), each given once, with their values as the next word or after {@code =}, a
 * separate value that cannot be taken for an option or a sub-command, numbers written plainly. It
 * declines anything else (help, a stack file, an unknown word, a value it does not find plain), and
 * picocli then parses the line and reports what is wrong. What it accepts, it must read exactly as
 * picocli does; {@code PlainRunLineTest} compares the two on many command lines. The line up to the
 * driver's name is read by {@link CommandLineScan}; this reads on from there.
 *
 * @param global    the global options given
 * @param driver    the driver named
 * @param daemon    the word that named it: the driver's name, or {@code driver@version}
 * @param arguments what the line asks of the driver's run
 */
record PlainRunLine(PifpafCommand global, DriverDescriptor driver, String daemon, DriverRun.Arguments arguments) {

    /**
     * Reads the line {@code scan} read up to the driver's name, or declines to (empty).
     *
     * @param named the driver the line names, being looked up
     * @throws org.pifpaf.runtime.DriverConflictException when two drivers have the name the line gives
     */
    static Optional<PlainRunLine> parse(CommandLineScan scan, Optional<DriverPrefetch> named) {
        Optional<CommandLineScan.PlainStart> start = scan.plainStart();
        if (start.isEmpty() || named.isEmpty()) {
            return Optional.empty();
        }
        Optional<DriverDescriptor> driver = named.get().driver();
        if (driver.isEmpty()) {
            return Optional.empty();
        }
        OptionCursor cursor = new OptionCursor(scan.args(), start.get().driverAt() + 1);
        RunOptions after = new RunOptions();
        Map<String, String> driverOptions = new LinkedHashMap<>();
        if (!readDriverOptions(cursor, driver.get().driver().options(), driverOptions, after)) {
            return Optional.empty();
        }
        return Optional.of(new PlainRunLine(start.get().global(), driver.get(), named.get().name(),
                new DriverRun.Arguments(start.get().before(), after, driverOptions, cursor.rest())));
    }

    /** Runs the line for {@code invocation}; returns pifpaf's exit status. */
    int run(DaemonStarter starter, List<String> rawArgs, Invocation invocation) {
        Integer invalid = Main.configureLogging(global, invocation.err());
        if (invalid != null) {
            return invalid;
        }
        return driverRun(starter, rawArgs, invocation).run(arguments);
    }

    /** The driver's run this line asks for, for {@code invocation}. */
    DriverRun driverRun(DaemonStarter starter, List<String> rawArgs, Invocation invocation) {
        return new DriverRun(driver.driver(), daemon, starter, global, rawArgs, invocation);
    }

    /**
     * Reads the driver's options and the run options after the driver name, up to the first
     * word that is not an option, or past {@code --}; false to decline the line.
     */
    private static boolean readDriverOptions(OptionCursor cursor, List<DriverOption> options, Map<String, String> given,
                                             RunOptions after) {
        Set<CliOption<RunOptions>> runOptionsGiven = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, String> byName = new HashMap<>();
        while (cursor.atOption()) {
            if (cursor.take("--")) {
                if (cursor.word() == null) {
                    return false; // what picocli makes of a lone "--" is not worth knowing here
                }
                break;
            }
            String name = cursor.optionName();
            CliOption<RunOptions> runOption = OptionCursor.find(RunOptions.OPTIONS, name);
            if (runOption != null) {
                if (!runOptionsGiven.add(runOption) || !cursor.read(runOption, after, Set.of())) {
                    return false;
                }
                continue;
            }
            DriverOption option = driverOption(options, name);
            String text = option == null || byName.containsKey(option.name()) ? null : driverValue(cursor, option, name);
            if (text == null) {
                return false;
            }
            byName.put(option.name(), text);
        }
        for (DriverOption option : options) { // in the driver's order, as picocli's model gives them
            if (byName.containsKey(option.name())) {
                given.put(option.name(), byName.get(option.name()));
            }
        }
        return true;
    }

    /** The driver's option that {@code name} names (negated, for a boolean: {@code --no-sync}), or null. */
    private static DriverOption driverOption(List<DriverOption> options, String name) {
        for (DriverOption option : options) {
            for (String optionName : DriverCommand.namesOf(option)) {
                if (name.equals(optionName) || option.type() == DriverOption.Type.BOOLEAN
                        && name.equals("--no-" + optionName.substring(2))) {
                    return option;
                }
            }
        }
        return null;
    }

    /**
     * Reads a driver option's value at the cursor, as the text picocli's converted value stands
     * for; null to decline the line.
     */
    private static String driverValue(OptionCursor cursor, DriverOption option, String name) {
        return switch (option.type()) {
            case FLAG -> cursor.flag();
            case BOOLEAN -> cursor.flag() == null ? null : String.valueOf(!name.startsWith("--no-"));
            case STRING, CHOICE -> cursor.value(Set.of());
            case INTEGER, PORT -> {
                String text = cursor.value(Set.of());
                yield text != null && CliOption.isPlainNumber(text) ? text : null;
            }
        };
    }
}
