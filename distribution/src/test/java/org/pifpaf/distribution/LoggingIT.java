package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log levels and destinations: quiet by default, pifpaf's steps with -v, daemon output with
 * --debug, errors even with -q, everything on standard error (never on standard output, which
 * the command and eval mode own) and in --log-file.
 */
class LoggingIT {

    private static final String STEP = "INFO [pifpaf] starting redis";
    private static final String DAEMON_OUTPUT = "eady to accept connections";

    @TempDir
    Path dir;

    @BeforeAll
    static void binaries() {
        Binaries.require("redis-server", "redis-server");
    }

    private static Launcher.Result pifpaf(PrivateTmp tmp, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("pifpaf"));
        argv.addAll(List.of(args));
        return Launcher.run(Identity.CURRENT_USER, argv, tmp.env());
    }

    @Test
    void levelsAndStreams() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var plain = pifpaf(tmp, "run", "redis", "--port", "0", "--", "echo", "out");
            assertEquals("out\n", plain.stdout(), plain.toString());
            assertEquals("", plain.stderr(), "nothing but warnings and errors by default");

            var verbose = pifpaf(tmp, "-v", "run", "redis", "--port", "0", "--", "echo", "out");
            assertEquals("out\n", verbose.stdout(), verbose.toString());
            assertTrue(verbose.stderr().contains(STEP), verbose.stderr());
            assertFalse(verbose.stderr().contains(DAEMON_OUTPUT), "daemon output is debug only: " + verbose.stderr());

            var debug = pifpaf(tmp, "--debug", "run", "redis", "--port", "0", "--", "echo", "out");
            assertEquals("out\n", debug.stdout(), debug.toString());
            assertTrue(debug.stderr().contains(STEP), debug.stderr());
            assertTrue(debug.stderr().contains(DAEMON_OUTPUT), debug.stderr());

            var quietError = pifpaf(tmp, "-q", "run", "redis", "--port", "0", "--timeout", "0", "--", "true");
            assertEquals(2, quietError.exit(), quietError.toString());
            assertEquals("", quietError.stdout());
            assertTrue(quietError.stderr().contains("--timeout must be a positive number"), quietError.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void evalModeKeepsLogsOffStandardOutput() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("bash", "-c",
                    "out=$(pifpaf -v run redis --port 0) || exit 9; eval \"$out\"; printf '%s' \"$out\" > \"$TMPDIR/out\";"
                            + " pifpaf_stop"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.stderr().contains(STEP), result.stderr());
            // Shell code only: every line is part of the eval output, none is a log record.
            assertTrue(result.stdout().isEmpty(), result.stdout());
            Path out = tmp.path().resolve("out");
            String evalOutput = Files.readString(out);
            Files.delete(out);
            assertTrue(evalOutput.contains("export PIFPAF_URL="), evalOutput);
            assertFalse(evalOutput.contains("INFO"), evalOutput);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void theLogFileGetsTheSameRecordsAsStandardError() throws Exception {
        Path log = dir.resolve("pifpaf.log");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = pifpaf(tmp, "-v", "--log-file", log.toString(), "run", "redis", "--port", "0", "--", "true");
            assertEquals(0, result.exit(), result.toString());
            String logged = Files.readString(log);
            assertTrue(logged.contains("starting redis"), logged);
            assertTrue(logged.contains("stopped redis"), logged);
            assertEquals(List.of(), tmp.leftovers());
        }
    }
}
