package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input: one line on standard error naming the bad word, a distinct status, nothing left. */
class UsageErrorsIT {

    private static Launcher.Result pifpaf(PrivateTmp tmp, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("pifpaf"));
        argv.addAll(List.of(args));
        return Launcher.run(Identity.CURRENT_USER, argv, tmp.env());
    }

    private static void assertOneLineError(Launcher.Result result, int status, String... fragments) {
        assertEquals(status, result.exit(), result.toString());
        assertEquals("", result.stdout(), result.toString());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        for (String fragment : fragments) {
            assertTrue(result.stderr().contains(fragment), result.stderr());
        }
    }

    @Test
    void unknownDriverSuggestsTheClosestName() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "redsi", "--", "true"), 2, "unknown driver 'redsi'", "did you mean 'redis'");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void unknownOptionIsNamed() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "redis", "--bogus", "--", "true"), 2, "--bogus");
        }
    }

    @Test
    void badOptionValueIsNamed() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "redis", "--port", "abc", "--", "true"), 2, "--port", "abc");
        }
    }

    @Test
    void missingOptionValueIsNamed() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "redis", "--port"), 2, "--port");
        }
    }

    @Test
    void portOutOfRangeIsAUsageError() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "memcached", "--port", "70000", "--", "true"), 2, "70000");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void nonPositiveTimeoutIsAUsageError() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "memcached", "--timeout", "0", "--", "true"), 2, "--timeout");
        }
    }

    @Test
    void invalidPrefixIsAUsageError() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertOneLineError(pifpaf(tmp, "run", "--env-prefix", "1-BAD", "memcached", "--", "true"), 2, "1-BAD");
        }
    }

    @Test
    void missingBinaryNamesThePackageThatInstallsIt() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> env = new java.util.HashMap<>(tmp.env());
            env.put("PATH", "/nonexistent");
            env.put("JAVA_HOME", System.getProperty("java.home"));
            var result = Launcher.run(Identity.CURRENT_USER,
                    List.of(Launcher.PIFPAF.toString(), "run", "memcached", "--", "true"), env);
            assertOneLineError(result, 3, "memcached not found", "apt-get install memcached", "brew install memcached");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void unwritableTmpdirIsReportedAsAStartFailure() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "memcached", "--", "true"),
                    Map.of("TMPDIR", tmp.path().resolve("missing").toString()));
            assertOneLineError(result, 6, "cannot create a data directory", "missing");
        }
    }

    @Test
    void anUnwritableTmpdirIsReported() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            java.nio.file.Path readOnly = java.nio.file.Files.createDirectory(tmp.path().resolve("read-only"));
            java.nio.file.Files.setPosixFilePermissions(readOnly,
                    java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            // Root writes anywhere: the unprivileged user is the one that meets a read-only $TMPDIR.
            Identity identity = Identity.available().reduce((first, last) -> last).orElseThrow();
            var result = Launcher.run(identity, List.of("pifpaf", "run", "memcached", "--", "true"),
                    Map.of("TMPDIR", readOnly.toString()));
            assertOneLineError(result, 6, "cannot create a data directory", "permission denied");
            java.nio.file.Files.delete(readOnly);
        }
    }

    @Test
    void aFullTmpdirIsReported() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            // A file size limit of 0 makes the first write fail as a full disk would.
            var result = Launcher.run(Identity.CURRENT_USER, List.of("bash", "-c",
                    "ulimit -f 0; exec pifpaf run memcached --port 0 -- true"), tmp.env());
            assertOneLineError(result, 6, "cannot create a data directory");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aStartUpTimeoutStopsTheDaemonAndShowsItsOutput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path drivers)
            throws Exception {
        java.nio.file.Files.copy(Launcher.TEST_DRIVERS.resolve("echo.jar"), drivers.resolve("echo.jar"));
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", drivers.toString(),
                    "run", "echo", "--message", "waiting", "--ready", "never printed", "--timeout", "1", "--", "true"),
                    tmp.env());
            assertEquals(5, result.exit(), result.toString());
            assertTrue(result.stderr().contains("was not ready after 1s"), result.stderr());
            assertTrue(result.stderr().contains("started: waiting"), result.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void helpListsADriversOptionsWithDefaults() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = pifpaf(tmp, "run", "redis", "--help");
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.stdout().contains("--port"), result.stdout());
            assertTrue(result.stdout().contains("6379"), result.stdout());
            assertTrue(result.stdout().contains("--sentinel"), result.stdout());
            assertTrue(result.stdout().contains("--timeout"), result.stdout());
        }
    }

    @Test
    void versionIsPrinted() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = pifpaf(tmp, "--version");
            assertEquals(0, result.exit(), result.toString());
            // The build's version, not an unfiltered placeholder or "null".
            assertTrue(result.stdout().matches("pifpaf, version \\d+\\.\\d+\\.\\d+[\\w.-]*\\R"), result.stdout());
        }
    }
}
