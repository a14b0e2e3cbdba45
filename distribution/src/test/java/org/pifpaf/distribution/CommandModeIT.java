package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pifpaf run <driver> -- command}, as root and as an unprivileged user. */
class CommandModeIT {

    @BeforeAll
    static void binaries() {
        Binaries.require("memcached", "memcached");
        Binaries.require("redis-server", "redis-server");
        Binaries.require("postgres", "postgresql");
        Binaries.require("psql", "postgresql-client");
    }

    static List<Identity> identities() {
        return Identity.available().toList();
    }

    /** Runs pifpaf with a private TMPDIR and asserts it left nothing there. */
    private static Launcher.Result runLeavingNothing(Identity identity, String... args) throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            List<String> argv = new java.util.ArrayList<>(List.of("pifpaf"));
            argv.addAll(List.of(args));
            Launcher.Result result = Launcher.run(identity, argv, tmp.env());
            assertEquals(List.of(), tmp.leftovers(), result.toString());
            return result;
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void runsTheCommandWithTheVariablesAndReturnsItsStatus(Identity identity) throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity, List.of("pifpaf", "run", "memcached", "--port", "0", "--",
                    "sh", "-c", "echo \"$PIFPAF_URL|$PIFPAF_MEMCACHED_URL|$PIFPAF_MEMCACHED_PORT|$PIFPAF_DAEMON|"
                            + "$PIFPAF_URLS|$PIFPAF_PID|$PIFPAF_DATA\"; exit 31"), tmp.env());
            assertEquals(31, result.exit(), result.toString());
            String[] values = result.stdout().trim().split("\\|");
            String port = values[2];
            assertEquals("memcached://localhost:" + port, values[0]);
            assertEquals(values[0], values[1]);
            assertEquals("memcached", values[3]);
            assertEquals(values[0], values[4]);
            assertTrue(values[5].matches("\\d+"), values[5]);
            assertTrue(values[6].startsWith(tmp.path() + "/pifpaf-memcached-"), values[6]);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void postgresqlAnswersPsql(Identity identity) throws Exception {
        var result = runLeavingNothing(identity, "run", "postgresql", "--port", "0", "--", "psql", "-Atc", "select 40 + 2");
        assertEquals(0, result.exit(), result.toString());
        assertEquals("42", result.stdout().trim());
    }

    @ParameterizedTest
    @MethodSource("identities")
    void redisAnswersRedisCliWithoutDoubleDash(Identity identity) throws Exception {
        var result = runLeavingNothing(identity, "run", "redis", "--port", "0",
                "sh", "-c", "redis-cli -p \"$PIFPAF_REDIS_PORT\" ping");
        assertEquals(0, result.exit(), result.toString());
        assertEquals("PONG", result.stdout().trim());
    }

    @ParameterizedTest
    @MethodSource("identities")
    void nestedRunsKeepTheirPrefixesAndJoinTheUrlList(Identity identity) throws Exception {
        var result = runLeavingNothing(identity, "--env-prefix", "STORAGE", "run", "memcached", "--port", "0", "--",
                "pifpaf", "run", "--env-prefix", "INDEX", "redis", "--port", "0", "--",
                "sh", "-c", "echo \"$STORAGE_URL\"; echo \"$INDEX_URL\"; echo \"$PIFPAF_URLS\"; echo \"${PIFPAF_URL-unset}\"");
        assertEquals(0, result.exit(), result.toString());
        String[] lines = result.stdout().split("\n");
        assertTrue(lines[0].startsWith("memcached://localhost:"), lines[0]);
        assertTrue(lines[1].startsWith("redis://localhost:"), lines[1]);
        assertEquals(lines[0] + ";" + lines[1], lines[2]);
        assertEquals("unset", lines[3]);
    }

    @ParameterizedTest
    @MethodSource("identities")
    void aCommandKilledBySignalGives128PlusItsNumber(Identity identity) throws Exception {
        var result = runLeavingNothing(identity, "run", "memcached", "--port", "0", "--", "sh", "-c", "kill -TERM $$");
        assertEquals(143, result.exit(), result.toString());
    }

    @ParameterizedTest
    @MethodSource("identities")
    void aCommandThatCannotRunGives127AndStopsTheDaemon(Identity identity) throws Exception {
        var result = runLeavingNothing(identity, "run", "memcached", "--port", "0", "--", "no-such-command-here");
        assertEquals(127, result.exit(), result.toString());
        assertTrue(result.stderr().contains("no-such-command-here"), result.stderr());
    }

    @ParameterizedTest
    @MethodSource("identities")
    void keepDataKeepsTheDirectoryAndSaysWhere(Identity identity) throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity, List.of("pifpaf", "run", "redis", "--port", "0", "--keep-data",
                    "--", "sh", "-c", "echo $PIFPAF_DATA"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            String dataDir = result.stdout().trim();
            assertTrue(result.stderr().contains(dataDir), result.stderr());
            assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(dataDir, "redis-server.log")));
            assertEquals(List.of(), Leftovers.awaitNoProcessesIn(dataDir));
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void aDaemonThatExitsDuringStartUpShowsTheTailOfItsOutput(Identity identity) throws Exception {
        // PostgreSQL cannot listen on an address that does not exist: it exits during start-up.
        var result = runLeavingNothing(identity, "run", "postgresql", "--port", "0", "--host", "256.1.1.1", "--", "true");
        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.stderr().contains("postgres exited with status 1 before it was ready"), result.stderr());
        assertTrue(result.stderr().contains("could not create any TCP/IP sockets"), result.stderr());
        assertTrue(result.stdout().isEmpty(), result.stdout());
    }

    @org.junit.jupiter.api.Test
    void asRootRunAsPicksTheUserOfDaemonsThatRefuseRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "postgresql", "--port", "0",
                    "--run-as", "daemon", "--", "sh", "-c", "stat -c %U \"$PGDATA\""), tmp.env());
            assertEquals("daemon", result.stdout().trim(), result.toString());
            var byEnvironment = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "postgresql", "--port", "0",
                    "--", "sh", "-c", "stat -c %U \"$PGDATA\""), Map.of("TMPDIR", tmp.path().toString(), "PIFPAF_RUN_AS", "daemon"));
            assertEquals("daemon", byEnvironment.stdout().trim(), byEnvironment.toString());
            var unknown = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "postgresql", "--run-as",
                    "no-such-user-here", "--", "true"), tmp.env());
            assertEquals(1, unknown.exit(), unknown.toString());
            assertTrue(unknown.stderr().contains("user 'no-such-user-here' does not exist"), unknown.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void aTakenPortIsReportedAtOnceWithItsOwnStatus(Identity identity) throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var result = runLeavingNothing(identity, "run", "redis", "--port", Integer.toString(taken.getLocalPort()),
                    "--", "true");
            assertEquals(4, result.exit(), result.toString());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().contains("port " + taken.getLocalPort() + " (--port) is already in use"),
                    result.stderr());
        }
    }
}
