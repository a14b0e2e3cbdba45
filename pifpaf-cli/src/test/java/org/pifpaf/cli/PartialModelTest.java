package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pifpaf.runtime.DriverRegistry;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Main builds only the part of the model a command line selects; it must parse every command
 * line exactly as the whole model does.
 */
class PartialModelTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "list-drivers", "list -o json", "--verbose list-drivers --output=yaml", "-q list", "--log-file x.log status",
        "-e P stop --all", "--drivers-dir=/d config", "--drivers-dir /d config --bogus", "stop 12 13", "status -h",
        "run", "run -f stack.yaml -- true", "run --timeout 3 -f s.yaml", "run nodriver", "run --help", "-h", "--version",
        "", "-h status", "lisst", "--bogus list", "-qe P list", "-- list", "run -- x", "run --timeout", "list extra",
        "generate-man-page", "generate-completion"})
    void parsesAsTheWholeModelDoes(String line) {
        List<String> args = line.isEmpty() ? List.of() : List.of(line.split(" "));
        CommandLine whole = Lines.model(REGISTRY, List.of());
        CommandLine partial = Lines.model(REGISTRY, args);
        assertEquals(outcome(whole, args), outcome(partial, args), line);
    }

    @ParameterizedTest
    @CsvSource({"list-drivers, list -o json", "status, --verbose status", "stop, stop --all", "config, config",
        "status, --log-file x.log status", "stop, -e P --drivers-dir=d -g U stop --all"})
    void buildsOnlyTheSelectedSubcommand(String selected, String line) {
        CommandLine partial = Lines.model(REGISTRY, List.of(line.split(" ")));
        assertEquals(Set.of(selected), Set.copyOf(partial.getSubcommands().values().stream()
                .map(CommandLine::getCommandName).toList()), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run redis", "run --timeout 3 --keep-data redis --port 0", "--verbose run -e P --format=json redis",
        "run --run-as nobody redis -- redis-cli", "run -f s.yaml redis"})
    void findsTheDriverWordAfterRun(String line) {
        List<String> args = List.of(line.split(" "));
        assertEquals(OptionalInt.of(args.indexOf("redis")), CommandLineScan.of(args).driverAt(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run --help redis", "run -- redis", "run --timeout", "run -x redis", "run @args redis",
        "-h run redis", "list redis"})
    void findsNoDriverWordWhenInDoubt(String line) {
        assertEquals(OptionalInt.empty(), CommandLineScan.of(List.of(line.split(" "))).driverAt(), line);
    }

    /** The chain of commands matched and the options and values each got, or the parse error. */
    private static String outcome(CommandLine cli, List<String> args) {
        try {
            ParseResult result = cli.parseArgs(args.toArray(String[]::new));
            List<String> chain = new ArrayList<>();
            for (ParseResult level = result; level != null; level = level.subcommand()) {
                chain.add(level.commandSpec().qualifiedName() + " " + level.matchedArgs().stream()
                        .map(arg -> arg.toString().replaceAll("@[0-9a-f]+", "")).toList()
                        + " " + level.unmatched());
            }
            return String.join("; ", chain);
        } catch (CommandLine.ParameterException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
