package org.pifpaf.cli;

import java.util.List;
import java.util.Optional;
import org.pifpaf.runtime.DriverRegistry;
import picocli.CommandLine;

/** What {@link Main} makes of a command line, for the tests: the scan, the driver it names, then either reader. */
final class Lines {

    private Lines() {
    }

    /** The plain reading of {@code args}, or empty where picocli must read them. */
    static Optional<PlainRunLine> plain(DriverRegistry registry, List<String> args) {
        CommandLineScan scan = CommandLineScan.of(args);
        return PlainRunLine.parse(scan, named(registry, scan));
    }

    /** The picocli model that {@link Main} builds for {@code args}. */
    static CommandLine model(DriverRegistry registry, List<String> args) {
        CommandLineScan scan = CommandLineScan.of(args);
        return Main.commandLine(registry, scan, named(registry, scan));
    }

    private static Optional<DriverPrefetch> named(DriverRegistry registry, CommandLineScan scan) {
        return Main.prefetch(registry, scan);
    }
}
