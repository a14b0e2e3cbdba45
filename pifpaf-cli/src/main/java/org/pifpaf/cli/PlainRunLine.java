package org.pifpaf.cli;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pifpaf.api.DriverOption;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;

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
 * picocli does; {@code PlainRunLineTest} compares the two on many command lines.
 *
 * @param global    the global options given
 * @param driver    the driver named
 * @param daemon    the word that named it: the driver's name, or {@code driver@version}
 * @param arguments what the line asks of the driver's run
 */
record PlainRunLine(PifpafCommand global, DriverDescriptor driver, String daemon, DriverRun.Arguments arguments) {

    /** The words that name sub-commands of {@code pifpaf}: picocli does not take them as an option's value. */
    private static final Set<String> SUBCOMMANDS = Set.of("run", "list-drivers", "list", "status", "stop", "config",
            "fetch", "generate-completion", "generate-man-page");

    /**
     * Reads {@code args}, or declines to (empty).
     *
     * @throws org.pifpaf.runtime.DriverConflictException when two drivers have the name the line gives
     */
    static Optional<PlainRunLine> parse(List<String> args, DriverRegistry registry) {
        Cursor cursor = new Cursor(args);
        PifpafCommand global = new PifpafCommand();
        RunOptions before = new RunOptions();
        if (!cursor.readOptions(PifpafCommand.OPTIONS, global, SUBCOMMANDS) || !cursor.take("run")
                || !cursor.readOptions(RunOptions.OPTIONS, before, Set.of())) {
            return Optional.empty();
        }
        String name = cursor.next();
        // picocli's model of run knows the named driver as a sub-command, which no value may be.
        if (name == null || name.startsWith("-") || cursor.separateValues.contains(name)) {
            return Optional.empty();
        }
        // postgresql@16: the driver postgresql, the version for the start request to read.
        Optional<DriverDescriptor> driver = Main.driverPart(name).flatMap(registry::find);
        if (driver.isEmpty()) {
            return Optional.empty();
        }
        RunOptions after = new RunOptions();
        Map<String, String> driverOptions = new LinkedHashMap<>();
        if (!cursor.readDriverOptions(driver.get().driver().options(), driverOptions, after)) {
            return Optional.empty();
        }
        return Optional.of(new PlainRunLine(global, driver.get(), name,
                new DriverRun.Arguments(before, after, driverOptions, cursor.rest())));
    }

    /** Runs the line; returns pifpaf's exit status. */
    int run(DaemonStarter starter, List<String> rawArgs) {
        Integer invalid = Main.configureLogging(global);
        if (invalid != null) {
            return invalid;
        }
        return new DriverRun(daemon, starter, global, rawArgs).run(arguments);
    }

    /** A position in the command line, and what the options read so far have taken. */
    private static final class Cursor {
        private final List<String> args;
        private int at;
        /** The values given as separate words, which picocli would refuse if they named a sub-command. */
        private final Set<String> separateValues = new HashSet<>();

        Cursor(List<String> args) {
            this.args = args;
        }

        String next() {
            return at < args.size() ? args.get(at++) : null;
        }

        boolean take(String word) {
            if (at < args.size() && args.get(at).equals(word)) {
                at++;
                return true;
            }
            return false;
        }

        /** The words left: the command after the options. */
        List<String> rest() {
            return List.copyOf(args.subList(at, args.size()));
        }

        /**
         * Reads the options of {@code table} into {@code holder} up to the first word that is not
         * an option; false to decline the line.
         *
         * @param notValues words that may not be a separate value
         */
        <H> boolean readOptions(List<CliOption<H>> table, H holder, Set<String> notValues) {
            Set<CliOption<H>> given = identitySet(); // a record's own hashCode costs method-handle set-up
            while (at < args.size() && args.get(at).startsWith("-")) {
                CliOption<H> option = find(table, Word.of(args.get(at)).name());
                if (option == null || !given.add(option) && !option.repeatable() || !read(option, holder, notValues)) {
                    return false;
                }
            }
            return true;
        }

        /** Reads the option at the cursor into {@code holder}; false to decline the line. */
        private <H> boolean read(CliOption<H> option, H holder, Set<String> notValues) {
            if (!option.takesValue()) {
                return flag() != null && option.plainValue(holder, null);
            }
            String value = value(notValues);
            return value != null && option.plainValue(holder, value);
        }

        /**
         * Reads the driver's options and the run options after the driver name, up to the first
         * word that is not an option, or past {@code --}; false to decline the line.
         */
        boolean readDriverOptions(List<DriverOption> options, Map<String, String> given, RunOptions after) {
            Set<CliOption<RunOptions>> runOptionsGiven = identitySet();
            Map<String, String> byName = new HashMap<>();
            while (at < args.size() && args.get(at).startsWith("-")) {
                if (take("--")) {
                    if (at == args.size()) {
                        return false; // what picocli makes of a lone "--" is not worth knowing here
                    }
                    break;
                }
                String name = Word.of(args.get(at)).name();
                CliOption<RunOptions> runOption = find(RunOptions.OPTIONS, name);
                if (runOption != null) {
                    if (!runOptionsGiven.add(runOption) || !read(runOption, after, Set.of())) {
                        return false;
                    }
                    continue;
                }
                DriverOption option = driverOption(options, name);
                String text = option == null || byName.containsKey(option.name()) ? null : driverValue(option, name);
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
         * Reads a driver option's value at the cursor, as the text picocli's converted value
         * stands for; null to decline the line.
         */
        private String driverValue(DriverOption option, String name) {
            return switch (option.type()) {
                case FLAG -> flag();
                case BOOLEAN -> flag() == null ? null : String.valueOf(!name.startsWith("--no-"));
                case STRING, CHOICE -> value(Set.of());
                case INTEGER, PORT -> {
                    String text = value(Set.of());
                    yield text != null && CliOption.isPlainNumber(text) ? text : null;
                }
            };
        }

        /** Moves past an option that takes no value; returns "true", or null (to decline) if one was attached. */
        private String flag() {
            return Word.of(args.get(at++)).attached() == null ? "true" : null;
        }

        /**
         * Moves past an option and its value, returning the value; null to decline the line: a
         * missing value, or one that picocli would not take as one (it looks like an option, or
         * is one of {@code notValues}).
         */
        private String value(Set<String> notValues) {
            String attached = Word.of(args.get(at++)).attached();
            if (attached != null) {
                return attached;
            }
            String value = next();
            if (value == null || value.startsWith("-") || notValues.contains(value)) {
                return null;
            }
            separateValues.add(value);
            return value;
        }

        private static <T> Set<T> identitySet() {
            return Collections.newSetFromMap(new IdentityHashMap<>());
        }

        private static <H> CliOption<H> find(List<CliOption<H>> table, String name) {
            for (CliOption<H> option : table) {
                if (option.names().contains(name)) {
                    return option;
                }
            }
            return null;
        }
    }

    /** An option word: its name, and the value attached after {@code =}, if any. */
    private record Word(String name, String attached) {
        static Word of(String arg) {
            int equals = arg.indexOf('=');
            return equals < 0 ? new Word(arg, null) : new Word(arg.substring(0, equals), arg.substring(equals + 1));
        }
    }
}
