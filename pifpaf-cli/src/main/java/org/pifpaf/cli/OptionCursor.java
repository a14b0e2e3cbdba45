package org.pifpaf.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A position in a command line, moved an option at a time. {@link CommandLineScan} (pifpaf's and
 * run's options) and {@link PlainRunLine} (the driver's) both read through it, so that an option,
 * its value and the words they take are told apart in one way: an option is a word that starts
 * with a dash, its name is the part before an {@code =}, and an option that takes a value and has
 * none attached takes the next word, whatever it looks like (picocli's parser then takes it or
 * reports it).
 */
final class OptionCursor {

    private final List<String> args;
    private int at;
    /** The values read plainly as separate words, which picocli would refuse if they named a sub-command. */
    private final Set<String> separateValues = new HashSet<>();

    OptionCursor(List<String> args, int at) {
        this.args = args;
        this.at = at;
    }

    /** The position: the index of the word at the cursor. */
    int at() {
        return at;
    }

    /** The word at the cursor, or null past the last one. */
    String word() {
        return at < args.size() ? args.get(at) : null;
    }

    /** Whether the word at the cursor is an option (or {@code -}, {@code --}). */
    boolean atOption() {
        return at < args.size() && args.get(at).startsWith("-");
    }

    /** Moves past the word at the cursor. */
    void skipWord() {
        at++;
    }

    /** Moves past {@code expected} if it is the word at the cursor. */
    boolean take(String expected) {
        if (expected.equals(word())) {
            at++;
            return true;
        }
        return false;
    }

    /** The words from the cursor on. */
    List<String> rest() {
        return List.copyOf(args.subList(Math.min(at, args.size()), args.size()));
    }

    /** The name of the option at the cursor: its word up to an {@code =}. */
    String optionName() {
        String word = args.get(at);
        int equals = word.indexOf('=');
        return equals < 0 ? word : word.substring(0, equals);
    }

    /** The value of {@code option}, at the cursor, without moving: the text after its {@code =}, else the next word. */
    String peekValue(CliOption<?> option) {
        String attached = attached();
        return attached != null || !option.takesValue() || at + 1 >= args.size() ? attached : args.get(at + 1);
    }

    /** Moves past {@code option}, at the cursor, and the value its arity gives it, without reading them. */
    void skip(CliOption<?> option) {
        at = Math.min(args.size(), at + (option.takesValue() && attached() == null ? 2 : 1));
    }

    /**
     * Reads {@code option}, at the cursor, into {@code holder}, moving past it as {@link #skip}
     * does; false, whatever it has set, when it is not plain (see {@link #value}, {@link #flag},
     * {@link CliOption#plainValue}).
     */
    <H> boolean read(CliOption<H> option, H holder, Set<String> notValues) {
        if (!option.takesValue()) {
            return flag() != null && option.plainValue(holder, null);
        }
        String value = value(notValues);
        return value != null && option.plainValue(holder, value);
    }

    /** Moves past an option that takes no value; returns "true", or null (not plain) if one was attached. */
    String flag() {
        String attached = attached();
        at++;
        return attached == null ? "true" : null;
    }

    /**
     * Moves past an option and its value, returning the value; null when it is not plain: a
     * missing value, or a separate one that picocli would not take as one (it looks like an
     * option, or is one of {@code notValues}).
     */
    String value(Set<String> notValues) {
        String attached = attached();
        at++;
        if (attached != null) {
            return attached;
        }
        String value = word();
        if (value == null) {
            return null;
        }
        at++;
        if (value.startsWith("-") || notValues.contains(value)) {
            return null;
        }
        separateValues.add(value);
        return value;
    }

    /** Whether {@code word} was read as an option's separate value. */
    boolean wasSeparateValue(String word) {
        return separateValues.contains(word);
    }

    /** The option of {@code table} named {@code name}, or null. */
    static <O extends CliOption<?>> O find(List<O> table, String name) {
        for (O option : table) {
            if (option.names().contains(name)) {
                return option;
            }
        }
        return null;
    }

    /** The value attached to the option at the cursor after {@code =}, or null. */
    private String attached() {
        String word = args.get(at);
        int equals = word.indexOf('=');
        return equals < 0 ? null : word.substring(equals + 1);
    }
}
