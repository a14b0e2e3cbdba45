package org.pifpaf.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One of pifpaf's own options, bound to a field of an options holder {@code H}
 * ({@link PifpafCommand}, {@link RunOptions}, {@link RunCommand}). It is described once, for every
 * reader of a command line: {@link CommandLineScan} (its names, whether it takes a value),
 * picocli's model ({@link #toSpec}) and the plain reading ({@link #plainValue}).
 *
 * @param names       the option's names, as typed
 * @param kind        what the option takes
 * @param paramLabel  its value's name in the help, or null
 * @param description its help text, or null
 * @param hidden      whether the help leaves it out
 * @param getter      reads the holder's field
 * @param setter      writes the holder's field
 * @param <H>         the options holder
 */
record CliOption<H>(List<String> names, Kind kind, String paramLabel, String description, boolean hidden,
                    Function<H, Object> getter, BiConsumer<H, Object> setter) {

    /** What an option takes, and the field type it fills. */
    enum Kind {
        /** No value; a {@code boolean} field, false unless given. */
        SWITCH,
        /** No value; a {@code Boolean} field, null unless given (so "not given" can fall back to another source). */
        FLAG,
        /** A {@code String}. */
        TEXT,
        /** An {@code Integer}. */
        INTEGER,
        /** A {@code Path}. */
        PATH,
        /** A {@code List<Path>}, one element per occurrence. */
        PATHS
    }

    /** An option named {@code names}, bound to a field; describe it with the {@code with} methods. */
    static <H> CliOption<H> of(Kind kind, Function<H, Object> getter, BiConsumer<H, Object> setter, String... names) {
        return new CliOption<>(List.of(names), kind, null, null, false, getter, setter);
    }

    CliOption<H> withLabel(String label) {
        return new CliOption<>(names, kind, label, description, hidden, getter, setter);
    }

    CliOption<H> withDescription(String text) {
        return new CliOption<>(names, kind, paramLabel, text, hidden, getter, setter);
    }

    CliOption<H> asHidden() {
        return new CliOption<>(names, kind, paramLabel, description, true, getter, setter);
    }

    /** Whether the option is followed by a value. */
    boolean takesValue() {
        return kind != Kind.SWITCH && kind != Kind.FLAG;
    }

    /** Whether it may be given more than once. */
    boolean repeatable() {
        return kind == Kind.PATHS;
    }

    /** The picocli model of this option, bound to {@code holder}'s field. */
    OptionSpec toSpec(H holder) {
        OptionSpec.Builder builder = Models.option(() -> getter.apply(holder), value -> setter.accept(holder, value),
                names.toArray(String[]::new));
        switch (kind) {
            case SWITCH -> builder.type(boolean.class);
            case FLAG -> builder.type(Boolean.class).arity("0");
            case TEXT -> builder.type(String.class);
            case INTEGER -> builder.type(Integer.class);
            case PATH -> builder.type(Path.class);
            case PATHS -> builder.type(List.class).auxiliaryTypes(Path.class);
        }
        if (paramLabel != null) {
            builder.paramLabel(paramLabel);
        }
        if (description != null) {
            builder.description(description);
        }
        return builder.hidden(hidden).build();
    }

    /**
     * Sets the option on {@code holder} as the plain reading read it: {@code text} is its value
     * (null for an option that takes none).
     *
     * @return false, setting nothing, when {@code text} is not a plain value of this option
     */
    boolean plainValue(H holder, String text) {
        Object value = switch (kind) {
            case SWITCH, FLAG -> Boolean.TRUE;
            case TEXT -> text;
            case INTEGER -> isPlainNumber(text) ? Integer.valueOf(text) : null;
            case PATH, PATHS -> pathOrNull(text);
        };
        if (value == null) {
            return false;
        }
        if (kind == Kind.PATHS) {
            @SuppressWarnings("unchecked")
            List<Path> paths = new ArrayList<>((List<Path>) getter.apply(holder));
            paths.add((Path) value);
            value = paths;
        }
        setter.accept(holder, value);
        return true;
    }

    /**
     * Whether {@code text} is a number written plainly ({@code 0|[1-9][0-9]{0,8}}), which picocli
     * and the plain reading read alike; others ({@code 0x10}, {@code 010}, {@code +3}) are
     * picocli's to read. A loop rather than a regular expression: {@link CommandLineScan} reads
     * options before the driver's look-up starts, and compiling a first pattern costs a JVM that
     * has just started about a millisecond.
     */
    static boolean isPlainNumber(String text) {
        if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0' && text.length() > 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Path pathOrNull(String text) {
        try {
            return text.isEmpty() ? null : Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
