package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A composite driver through the command line: {@code nest} (one jar) starts {@code echo}
 * daemons (another jar) through the nested-daemon SPI. Their variables reach the command under
 * the chosen prefix, and nothing is left after a stop, a failure, or a killed owner.
 */
class NestedDaemonsIT {

    @TempDir
    Path drivers;

    private Path driversDir(String... jars) throws Exception {
        for (String jar : jars) {
            Files.copy(Launcher.TEST_DRIVERS.resolve(jar), drivers.resolve(jar));
        }
        Files.setPosixFilePermissions(drivers, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return drivers;
    }

    static List<Identity> identities() {
        return Identity.available().toList();
    }

    @ParameterizedTest
    @MethodSource("identities")
    void theCommandSeesTheNestedDaemonsVariablesUnderTheChosenPrefixOnly(Identity identity) throws Exception {
        Path dir = driversDir("nest.jar", "echo.jar");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity, List.of("pifpaf", "--drivers-dir", dir.toString(), "run", "--env-prefix",
                    "OUTER", "nest", "--inner", "2", "--", "sh", "-c",
                    "echo \"$OUTER_URL|$OUTER_ECHO_MESSAGE|$OUTER_NEST_URL|$PIFPAF_URLS\"; "
                            + "env | grep '^PIFPAF_' | grep -v '^PIFPAF_SERVER=' | sort"),
                    tmp.env());
            assertEquals(0, result.exit(), result.toString());
            List<String> lines = result.stdout().lines().toList();
            assertTrue(lines.get(0).matches("nest://hello\\|hello [12]\\|nest://hello\\|nest://hello"), lines.get(0));
            assertEquals(List.of("PIFPAF_URLS=nest://hello"), lines.subList(1, lines.size()),
                    "no variable under the default prefix but the URL list");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void verboseLogsWhenEachNestedDaemonWasReadyUnderItsPathThenTheWhole() throws Exception {
        Path dir = driversDir("nest.jar", "echo.jar");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "-v", "--drivers-dir", dir.toString(), "run",
                    "nest", "--inner", "2", "--", "true"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            List<String> timings = result.stderr().lines().filter(line -> line.contains(" ready in ")).toList();
            assertEquals(3, timings.size(), result.stderr());
            for (String nested : timings.subList(0, 2)) {
                assertTrue(nested.matches("INFO \\[pifpaf] nest: echo ready in [0-9]+\\.[0-9]{2} s: echo://hello [12]"), nested);
            }
            assertTrue(timings.get(2).matches("INFO \\[pifpaf] nest ready in [0-9]+\\.[0-9]{2} s: nest://hello"),
                    "the whole, last: " + timings.get(2));
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void evalModeKeepsTheCompositeDaemonAndPifpafStopRemovesAllOfIt(Identity identity) throws Exception {
        Path dir = driversDir("nest.jar", "echo.jar");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity, List.of("bash", "-c",
                    "eval \"$(pifpaf --drivers-dir " + dir + " run nest --message eval)\" || exit 9; "
                            + "echo \"$PIFPAF_ECHO_MESSAGE|$PIFPAF_NEST_INNER_URL\"; pifpaf_stop; echo \"after=${PIFPAF_URL-unset}\""),
                    tmp.env());
            assertEquals(0, result.exit(), result.toString());
            assertEquals(List.of("eval 1|echo://eval 1", "after=unset"), result.stdout().lines().toList());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aKilledOwnerLeavesNeitherTheOuterNorTheNestedDaemonsBehind() throws Exception {
        Path dir = driversDir("nest.jar", "echo.jar");
        try (PrivateTmp tmp = new PrivateTmp()) {
            Process pifpaf = Launcher.start(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", dir.toString(),
                    "run", "nest", "--inner", "2", "--", "sh", "-c", "echo up; exec sleep 30"), tmp.env());
            assertEquals("up", new BufferedReader(new InputStreamReader(pifpaf.getInputStream())).readLine());
            List<ProcessHandle> command = pifpaf.children()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).toList();
            new ProcessBuilder("kill", "-KILL", Long.toString(pifpaf.pid())).start().waitFor();
            pifpaf.waitFor();
            command.forEach(ProcessHandle::destroyForcibly);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aFailingNestedDaemonIsNamedWithItsOutput() throws Exception {
        Path dir = driversDir("nest.jar", "echo.jar");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", dir.toString(), "run", "nest",
                    "--inner", "2", "--fail-inner", "--", "true"), tmp.env());
            assertEquals(1, result.exit(), result.toString());
            assertTrue(result.stderr().contains("nest: echo: sh exited with status 3 before it was ready"), result.stderr());
            assertTrue(result.stderr().contains("failing: hello 2"), result.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aMissingNestedDriverIsReportedLikeAMissingBinary() throws Exception {
        Path dir = driversDir("nest.jar");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", dir.toString(), "run", "nest",
                    "--", "true"), tmp.env());
            assertEquals(3, result.exit(), result.toString());
            assertTrue(result.stderr().contains("driver 'echo' (which nest starts) not found; it comes with the jar of"
                    + " org.pifpaf:pifpaf-test-driver-echo (module org.pifpaf.testdriver.echo)"), result.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void listDriversShowsWhatACompositeDriverNeedsAndWhetherItIsThere() throws Exception {
        Path dir = driversDir("nest.jar");
        var missing = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", dir.toString(), "list-drivers"),
                Map.of());
        String nest = missing.stdout().lines().filter(l -> l.startsWith("nest ")).findFirst().orElseThrow();
        assertTrue(nest.contains("missing driver echo") && nest.contains("echo (missing)"), nest);
        assertTrue(missing.stdout().contains("\n  driver echo: it comes with the jar of"
                + " org.pifpaf:pifpaf-test-driver-echo (module org.pifpaf.testdriver.echo)\n"), missing.stdout());
        Files.copy(Launcher.TEST_DRIVERS.resolve("echo.jar"), dir.resolve("echo.jar"));
        var present = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", dir.toString(), "list-drivers",
                "-o", "json"), Map.of());
        assertEquals(0, present.exit(), present.toString());
        assertTrue(present.stdout().replaceAll("\\s", "").contains("\"needs\":[{\"name\":\"echo\",\"when\":null,"
                + "\"available\":true"), present.stdout());
    }
}
