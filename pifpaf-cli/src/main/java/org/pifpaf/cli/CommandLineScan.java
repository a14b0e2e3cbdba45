package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The one reading of a command line before anything else is done with it, by the tables of
 * pifpaf's own options ({@link PifpafCommand#OPTIONS}, {@link RunOptions#OPTIONS},
 * {@link RunCommand#OPTIONS}), from which picocli's models are built too. It finds:
 * <ul>
 *   <li>the drivers directories the line names, which the registry needs first;</li>
 *   <li>the word that selects pifpaf's sub-command and, under {@code run}, the word that names
 *       the driver (options' values skipped by their arities), so that the driver loads on a
 *       thread of its own ({@link DriverPrefetch}) and {@link Main} builds picocli's model of that
 *       sub-command and driver only;</li>
 *   <li>whether all that was plain enough for {@link PlainRunLine}, which reads on from the
 *       driver without picocli, and the options it read.</li>
 * </ul>
 * When in doubt it selects nothing, and the whole model is built: an option the tables do not
 * know (a cluster, help, version), {@code --}, {@code -}, an {@code @file}, or no word at all.
 */
final class CommandLineScan {

    /** The words that name sub-commands of {@code pifpaf}: picocli does not take them as an option's value. */
    static final Set<String> SUBCOMMANDS = Set.of("run", "list-drivers", "list", "status", "stop", "config", "server",
            "fetch", "generate-completion", "generate-man-page");

    /**
     * What {@link PlainRunLine} goes on from: the line up to the driver's name read plainly.
     *
     * @param global   the global options given
     * @param before   the run options given before the driver's name
     * @param driverAt the index of the driver's name
     */
    record PlainStart(PifpafCommand global, RunOptions before, int driverAt) {
    }

    private final List<String> args;
    private final OptionCursor cursor;
    private final List<Path> driversDirs = new ArrayList<>();
    private final PifpafCommand global = new PifpafCommand();
    private final RunOptions before = new RunOptions();
    private int subcommandAt = -1;
    private int driverAt = -1;
    /** Whether every option so far was read as {@link PlainRunLine} reads it (see {@link OptionCursor#read}). */
    private boolean plain = true;

    private CommandLineScan(List<String> args) {
        this.args = args;
        this.cursor = new OptionCursor(args, 0);
    }

    /** Reads {@code args}. */
    static CommandLineScan of(List<String> args) {
        CommandLineScan scan = new CommandLineScan(args);
        scan.read();
        return scan;
    }

    private void read() {
        boolean sure = readOptions(PifpafCommand.OPTIONS, global, List.of(), SUBCOMMANDS) && atSelectingWord();
        if (sure) {
            subcommandAt = cursor.at();
        }
        if (!sure || !SUBCOMMANDS.contains(cursor.word())) {
            plain = false;
            readDriversDirsWordByWord();
            return;
        }
        if (!cursor.take("run")) {
            plain = false;
            return;
        }
        if (readOptions(RunOptions.OPTIONS, before, RunCommand.OPTIONS, Set.of()) && atSelectingWord()) {
            driverAt = cursor.at();
            // picocli's model of run knows the named driver as a sub-command, which no value may be.
            plain = plain && !cursor.wasSeparateValue(cursor.word());
        } else {
            plain = false;
        }
    }

    /**
     * Reads the options at the cursor up to the first word that is not one: {@code table}'s, read
     * into {@code holder} while the line is plain, and {@code others}', which picocli alone reads.
     *
     * @param notValues words that may not be a separate value for the line to stay plain
     * @return false at an option that neither names (a cluster, help, {@code --}), which leaves the
     *         cursor there: how many words it takes only picocli's parser can tell
     */
    private <H> boolean readOptions(List<CliOption<H>> table, H holder, List<? extends CliOption<?>> others,
                                    Set<String> notValues) {
        // By identity: a record's own hashCode costs method-handle set-up at its first use.
        Set<CliOption<H>> given = Collections.newSetFromMap(new IdentityHashMap<>());
        while (cursor.atOption()) {
            String name = cursor.optionName();
            CliOption<H> option = OptionCursor.find(table, name);
            if (option == null) {
                CliOption<?> other = OptionCursor.find(others, name);
                if (other == null) {
                    return false;
                }
                plain = false;
                cursor.skip(other);
                continue;
            }
            if (option == PifpafCommand.DRIVERS_DIR) {
                addDriversDir(cursor.peekValue(option));
            }
            if (plain && (given.add(option) || option.repeatable())) {
                plain = cursor.read(option, holder, notValues);
            } else {
                plain = false;
                cursor.skip(option);
            }
        }
        return true;
    }

    /** Whether the word at the cursor, where the options end, selects a sub-command or driver. */
    private boolean atSelectingWord() {
        String word = cursor.word();
        return word != null && !word.startsWith("@");
    }

    /**
     * Past an option the tables do not know, which may take the next word as its value (the
     * cluster {@code -ve P}), or a word that names no sub-command (which picocli's parser, under a
     * help option, passes over to read on), the drivers directories are read word by word, up to
     * {@code --} or a word that names a sub-command.
     */
    private void readDriversDirsWordByWord() {
        for (String word = cursor.word(); word != null && !word.equals("--") && !SUBCOMMANDS.contains(word);
                word = cursor.word()) {
            if (PifpafCommand.DRIVERS_DIR.names().contains(cursor.optionName())) {
                addDriversDir(cursor.peekValue(PifpafCommand.DRIVERS_DIR));
                cursor.skip(PifpafCommand.DRIVERS_DIR);
            } else {
                cursor.skipWord();
            }
        }
    }

    private void addDriversDir(String dir) {
        if (dir != null) {
            driversDirs.add(Path.of(dir));
        }
    }

    /** The whole command line. */
    List<String> args() {
        return args;
    }

    /** The drivers directories named by {@code --drivers-dir}, in order. */
    List<Path> driversDirs() {
        return driversDirs;
    }

    /** The word that selects pifpaf's sub-command (or is no sub-command), if the scan is sure which it is. */
    Optional<String> subcommand() {
        return subcommandAt < 0 ? Optional.empty() : Optional.of(args.get(subcommandAt));
    }

    /** Under {@code run}, the index of the word that names the driver (or is no driver), if the scan is sure which it is. */
    OptionalInt driverAt() {
        return driverAt < 0 ? OptionalInt.empty() : OptionalInt.of(driverAt);
    }

    /** Under {@code run}, the word that names the driver (or is no driver), if the scan is sure which it is. */
    Optional<String> driver() {
        return driverAt < 0 ? Optional.empty() : Optional.of(args.get(driverAt));
    }

    /** The line up to the driver's name, if it was read plainly. */
    Optional<PlainStart> plainStart() {
        return plain && driverAt >= 0 ? Optional.of(new PlainStart(global, before, driverAt)) : Optional.empty();
    }
}
