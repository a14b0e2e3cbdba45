package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pifpaf.runtime.DriverRegistry;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * PlainRunLine reads common {@code run} command lines without picocli; whatever it accepts it
 * must read exactly as picocli does, and whatever it declines picocli parses (and reports).
 * The lines use {@link OptionsDriver}, whose options have every type.
 */
class PlainRunLineTest {

    private static final DriverRegistry REGISTRY = DriverRegistry.discover(List.of());

    @ParameterizedTest
    @ValueSource(strings = {
        "run sample", "run sample -- echo hi", "run sample echo -- hi", "run sample -- -echo",
        "run sample --port 0 -- true", "run sample --port=11300 --bind_host h --workers 3 --cluster --sync true",
        "run sample --bind-host=h --no-sync", "run sample --port 0 echo --port 1",
        "-v run sample", "-q --debug --log-file x.log -e P -g U run sample", "--drivers-dir /d --drivers-dir=/e run sample",
        "--supervisor run sample", "run --timeout 5 --keep-data --format json --run-as nobody --no-cache sample",
        "run -e P -g U sample -e Q -g V --timeout=7", "run --format= sample", "run sample --env-prefix=run",
        "run sample echo @not-a-file", "run sample -- curl -d @/etc/hostname",
        "run --timeout 0 sample", "run sample --port 65536", "run sample --workers=0 --timeout 3 true",
        "run sample@1.2 --port 0 -- true", "run --provision provisioned sample@3", "run sample@1 --provision=auto echo"})
    void readsWhatItAcceptsAsPicocliDoes(String line) {
        List<String> args = words(line);
        Optional<PlainRunLine> plain = Lines.plain(REGISTRY, args);
        assertTrue(plain.isPresent(), "declined: " + line);
        assertEquals(picocli(args), describe(plain.get()), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "list", "run", "run nosuch", "run --help sample", "run sample --help", "run sample -h", "--version run sample",
        "-vq run sample", "-e run run sample", "-e list run sample", "run --run-as sample sample", "run -f s.yaml sample", "run -- sample",
        "run sample --port abc", "run sample --port 010", "run sample --port 0x10", "run sample --port -1",
        "run sample --port", "run sample --port 1 --port 2", "run --timeout 1 --timeout 2 sample",
        "run sample --cluster=true", "run sample --keep-data=false", "run sample --", "run sample --bogus",
        "run sample --no-cluster", "--log-file run sample", "-v -v run sample", "run sample --format -x",
        "--bogus run sample", "run -x sample", "run @args sample", "run sample -p 1", "run sample --sync --no-sync",
        "run sample@ -- true", "run sample@new", "run nosuch@16", "run --provision sample"})
    void declinesWhatItDoesNotKnow(String line) {
        assertTrue(Lines.plain(REGISTRY, words(line)).isEmpty(), line);
    }

    /**
     * Random lines made of run's usual words and some awkward ones: every line the plain reader
     * accepts, picocli must parse without an error and read the same way.
     */
    @Test
    void agreesWithPicocliOnRandomLines() {
        List<String> globals = List.of("-v", "-q", "--debug", "--log-file", "x.log", "-e", "P", "-g", "--drivers-dir",
                "/d", "--drivers-dir=/e", "--supervisor", "run", "list", "-ve", "--help", "sample", "@f", "--");
        List<String> options = List.of("--timeout", "5", "--timeout=07", "--keep-data", "--keep-data=true", "--format",
                "json", "--format=", "--run-as", "nobody", "--no-cache", "-e", "-g", "U", "-f", "s.yaml", "--port", "0",
                "11300", "--port=-1", "--bind_host", "--bind-host=h", "--workers", "3", "+3", "--cluster", "--sync",
                "--no-sync", "--no_sync", "--", "echo", "-", "@x", "sample", "run", "--help", "-h", "", "=", "--port=",
                "--provision", "installed", "--provision=auto", "sample@2", "sample@");
        Random random = new Random(20261203);
        int accepted = 0;
        for (int round = 0; round < 5000; round++) {
            List<String> args = new ArrayList<>();
            pick(random, globals, random.nextInt(3), args);
            args.add("run");
            pick(random, options, random.nextInt(3), args);
            if (random.nextInt(10) > 0) {
                args.add(random.nextInt(4) > 0 ? "sample" : "sample@1.2");
            }
            pick(random, options, random.nextInt(6), args);
            Optional<PlainRunLine> plain = Lines.plain(REGISTRY, args);
            if (plain.isPresent()) {
                accepted++;
                assertEquals(picocli(args), describe(plain.get()), String.join(" ", args));
            }
        }
        assertTrue(accepted > 500, "only " + accepted + " random lines were plain enough to compare");
    }

    @Test
    void picocliLeavesAtFilesAlone() {
        // picocli expands @file by default, even inside the user's command; pifpaf turns that off.
        List<String> args = words("run sample -- cat @/etc/hostname");
        assertTrue(picocli(args).endsWith("command=[cat, @/etc/hostname]"), picocli(args));
    }

    private static void pick(Random random, List<String> words, int count, List<String> into) {
        for (int i = 0; i < count; i++) {
            into.add(words.get(random.nextInt(words.size())));
        }
    }

    private static List<String> words(String line) {
        return line.isEmpty() ? List.of() : List.of(line.split(" "));
    }

    /** How picocli reads {@code args}: the same description as {@link #describe(PlainRunLine)}. */
    private static String picocli(List<String> args) {
        CommandLine cli = Lines.model(REGISTRY, args);
        try {
            ParseResult result = cli.parseArgs(args.toArray(String[]::new));
            PifpafCommand global = (PifpafCommand) result.commandSpec().userObject();
            ParseResult driverLevel = result.subcommand().subcommand();
            DriverCommand driver = (DriverCommand) driverLevel.commandSpec().userObject();
            return describe(global, driver.daemon(), driver.arguments());
        } catch (CommandLine.ParameterException | NullPointerException | ClassCastException e) {
            return fail("picocli does not read `" + String.join(" ", args) + "` as a driver's run: " + e);
        }
    }

    private static String describe(PlainRunLine line) {
        return describe(line.global(), line.daemon(), line.arguments());
    }

    private static String describe(PifpafCommand global, String driver, DriverRun.Arguments arguments) {
        return "global=[" + global.verbose + ", " + global.quiet + ", " + global.debug + ", " + global.logFile + ", "
                + global.envPrefix + ", " + global.globalUrlsVariable + ", " + global.driversDirs + ", "
                + global.supervisor + "] driver=" + driver + " before=" + describe(arguments.before())
                + " after=" + describe(arguments.after()) + " options=" + arguments.driverOptions()
                + " command=" + arguments.command();
    }

    private static String describe(RunOptions options) {
        return "[" + options.envPrefix + ", " + options.globalUrlsVariable + ", " + options.timeoutSeconds + ", "
                + options.keepData + ", " + options.format + ", " + options.runAs + ", " + options.noCache + ", "
                + options.provision + "]";
    }
}
