package org.pifpaf.cli;

import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds, before parsing, the word of a command line that selects a sub-command (the first word
 * that is neither an option nor an option's value), so that {@link Main} builds only the part of
 * the picocli model that the command line uses. When in doubt it finds nothing, and the whole
 * model is built: an option it does not know, clustered short options, a help or version
 * option (their output lists the sub-commands), an {@code @file}, or {@code --}.
 */
final class SelectedWord {

    private SelectedWord() {
    }

    /** The index of the selecting word in {@code args}, searching from {@code from} with {@code spec}'s options. */
    static OptionalInt in(CommandSpec spec, List<String> args, int from) {
        for (int i = from; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--") || arg.equals("-") || arg.startsWith("@")) {
                return OptionalInt.empty();
            }
            if (!arg.startsWith("-")) {
                return OptionalInt.of(i);
            }
            int equals = arg.indexOf('=');
            OptionSpec option = spec.optionsMap().get(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || option.usageHelp() || option.versionHelp()) {
                return OptionalInt.empty();
            }
            if (equals < 0 && option.arity().max() > 0) {
                if (option.arity().min() == 0) {
                    return OptionalInt.empty(); // an optional value: only the parser can tell
                }
                i += option.arity().min();
            }
        }
        return OptionalInt.empty();
    }
}
