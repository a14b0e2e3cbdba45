package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pifpaf.runtime.DriverRegistry;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The scan reads a command line before picocli does; what it finds must be what picocli's whole
 * model makes of the same line: the drivers directories, the sub-command, the driver.
 */
class CommandLineScanTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run redis redis-cli ping | run | redis",
        "run --provision provisioned postgresql@16 -- psql | run | postgresql@16",
        "fetch postgresql@16 redis | fetch |",
        "-v run --keep-data redis | run | redis",
        "--debug run --timeout 5 postgresql -- psql | run | postgresql",
        "-e P --log-file x.log run -g U --run-as nobody redis | run | redis",
        "run -f stack.yaml redis | run | redis",
        "run -f stack.yaml -- make | run |",
        "run | run |",
        "run -- redis | run |",
        "run --timeout | run |",
        "run --help redis | run |",
        "run -x redis | run |",
        "list-drivers | list-drivers |",
        "-q list redis | list |",
        "lisst | lisst |",
        "-vq run redis | |",
        "--help run redis | |",
        "-- run redis | |",
        "@args run redis | |",
        "'' | |"})
    void findsTheSubcommandAndUnderRunTheDriverWord(String line, String subcommand, String driver) {
        CommandLineScan scan = CommandLineScan.of(words(line));
        assertEquals(Optional.ofNullable(subcommand), scan.subcommand(), line);
        assertEquals(Optional.ofNullable(driver), scan.driver(), line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--drivers-dir /d --drivers-dir=/e run redis | /d /e",
        "-e P --drivers-dir /d -g U list | /d",
        "-vq --drivers-dir /d list | /d",
        "-ve P --drivers-dir /d list | /d",
        "--help --drivers-dir /d | /d",
        "x --drivers-dir /d run --help | /d",
        "generate-completion --drivers-dir /d | ''",
        "--drivers-dir /d run --drivers-dir /e redis | /d",
        "-- --drivers-dir /d | ''",
        "--drivers-dir | ''"})
    void readsTheDriversDirectoriesAmongTheGlobalOptions(String line, String dirs) {
        List<Path> expected = dirs.isEmpty() ? List.of() : words(dirs).stream().map(Path::of).toList();
        assertEquals(expected, CommandLineScan.of(words(line)).driversDirs(), line);
    }

    @Test
    void agreesWithPicocliOnRandomLines() {
        List<String> words = List.of("-v", "-q", "--debug", "--log-file", "x.log", "-e", "P", "-g", "U", "--drivers-dir",
                "/d", "/e", "--drivers-dir=/f", "--drivers-dir=", "--supervisor", "-ve", "-vq", "-qe", "-h", "--help",
                "-V", "run", "list", "list-drivers", "status", "sample", "--", "@f", "--timeout", "5", "-f", "s.yaml",
                "--keep-data", "--port", "0", "-o", "json");
        Random random = new Random(20261205);
        int compared = 0;
        for (int round = 0; round < 5000; round++) {
            List<String> args = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                args.add(words.get(random.nextInt(words.size())));
            }
            ParseResult result;
            try {
                result = Lines.model(REGISTRY, List.of()).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                continue; // a usage error: the scan's findings only shape which model reports it
            }
            compared++;
            CommandLineScan scan = CommandLineScan.of(args);
            String line = String.join(" ", args);
            assertEquals(((PifpafCommand) result.commandSpec().userObject()).driversDirs, scan.driversDirs(), line);
            ParseResult subcommand = result.subcommand();
            scan.subcommand().filter(CommandLineScan.SUBCOMMANDS::contains).ifPresent(word -> assertTrue(
                    subcommand != null && subcommand.commandSpec().names().contains(word), line));
            // A word that names no driver makes Main build run with every driver, and picocli decide.
            scan.driver().filter(word -> REGISTRY.find(word).isPresent()).ifPresent(word -> assertEquals(word,
                    subcommand.subcommand().commandSpec().name(), line));
        }
        assertTrue(compared > 500, "only " + compared + " random lines were valid");
    }

    private static List<String> words(String line) {
        return line.isEmpty() ? List.of() : List.of(line.split(" "));
    }
}
