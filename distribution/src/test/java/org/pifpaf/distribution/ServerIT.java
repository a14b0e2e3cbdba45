package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pifpaf server through the launcher, with real daemons and real clients, as root and as
 * {@code nobody}: it starts, says it runs, stops and exits by itself when idle; runs through it
 * give the command the environment, output and exit statuses pifpaf's JVM gives, in each client's
 * own environment, in parallel, on a terminal too; what it does not serve prints what the JVM
 * prints; {@code PIFPAF_SERVER=off} never asks it. Signals, killed clients and servers, stale and
 * unsafe directories are {@link ServerResilienceIT}'s.
 */
class ServerIT {

    /**
     * Prints the name of the command's parent (the client, {@code pifpaf}, or pifpaf's JVM,
     * {@code java}), then its environment.
     */
    private static final String PARENT_AND_ENVIRONMENT = "test \"$PPID\" = \"$PIFPAF_PID\" || exit 9; "
            + "cat /proc/$PPID/comm; env -0";

    @BeforeAll
    static void binaries() {
        Binaries.require("redis-server", "redis-server");
        Binaries.require("redis-cli", "redis-tools");
        Binaries.require("memcached", "memcached");
    }

    @ParameterizedTest
    @MethodSource("org.pifpaf.distribution.Identity#available")
    void startsSaysItRunsStopsAndExitsWhenIdle(Identity identity) throws Exception {
        try (ServerFixture server = new ServerFixture(identity)) {
            Launcher.Result none = server.pifpaf("server", "status");
            assertEquals(new Launcher.Result(3, "no pifpaf server is running (none in " + server.serverDir() + ")\n", ""),
                    none);
            Launcher.Result started = server.pifpaf("server", "start");
            assertEquals(0, started.exit(), started.toString());
            long pid = server.serverPid();
            assertEquals("pifpaf server started: pid " + pid + ", " + server.serverDir() + "\n", started.stdout());
            Launcher.Result again = server.pifpaf("server", "start");
            assertEquals("pifpaf server already running: pid " + pid + ", " + server.serverDir() + "\n", again.stdout());
            Launcher.Result status = server.pifpaf("server", "status");
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.stdout().startsWith("pifpaf server running: pid " + pid + ", "), status.stdout());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.serverDir())));
            Launcher.Result stopped = server.pifpaf("server", "stop");
            assertEquals("pifpaf server stopped: pid " + pid + "\n", stopped.stdout());
            assertFalse(Files.exists(server.serverDir()), "a server that stopped leaves nothing");
            assertEquals(new Launcher.Result(0, "no pifpaf server is running\n", ""), server.pifpaf("server", "stop"));

            // Idle means no run: one that lasts longer than the timeout keeps it, and it exits a second after.
            long idle = server.startServer("--idle", "1s");
            Launcher.Result run = server.pifpaf("run", "memcached", "--port", "0", "--", "sh", "-c",
                    "cat /proc/$PPID/comm; sleep 1.5");
            assertEquals(new Launcher.Result(0, "pifpaf\n", ""), run);
            assertTrue(ServerFixture.running(idle), "the server exited while it served a run");
            ServerFixture.await(() -> server.pifpaf("server", "status").exit() == 3, 10_000, "the idle server exits");
            ServerFixture.await(() -> !ServerFixture.running(idle), 5_000, "the idle server's process ends");
            assertFalse(Files.exists(server.serverDir()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.pifpaf.distribution.Identity#available")
    void theCommandGetsTheEnvironmentTheJvmGives(Identity identity) throws Exception {
        try (ServerFixture server = new ServerFixture(identity)) {
            server.startServer();
            for (String driver : List.of("redis", "memcached")) {
                String[] run = {"run", driver, "--port", "0", "--", "sh", "-c", PARENT_AND_ENVIRONMENT};
                Launcher.Result served = server.pifpaf(run);
                Launcher.Result jvm = server.jvm(run);
                assertEquals(0, served.exit(), served.toString());
                assertEquals(0, jvm.exit(), jvm.toString());
                assertTrue(served.stdout().startsWith("pifpaf\n"), "run by the client: " + served);
                assertTrue(jvm.stdout().startsWith("java\n"), "run by pifpaf's JVM: " + jvm);
                List<String> variables = environment(served.stdout());
                assertEquals(environment(jvm.stdout()), variables, driver);
                assertTrue(variables.contains("PIFPAF_" + driver.toUpperCase() + "_URL=" + driver + "://localhost:N"),
                        variables.toString());
            }
            Launcher.Result ping = server.pifpaf("-v", "run", "redis", "--port", "0", "--", "sh", "-c",
                    "redis-cli -p \"$PIFPAF_REDIS_PORT\" ping");
            assertEquals(0, ping.exit(), ping.toString());
            assertEquals("PONG\n", ping.stdout());
            assertTrue(ping.stderr().contains("runs in pifpaf's client"), "served by the server: " + ping.stderr());
        }
    }

    @ParameterizedTest
    @MethodSource("org.pifpaf.distribution.Identity#available")
    void statusesAndErrorsAreTheJvms(Identity identity) throws Exception {
        try (ServerFixture server = new ServerFixture(identity)) {
            server.startServer();
            List<List<String>> lines = List.of(
                    List.of("run", "memcached", "--port", "0", "--", "sh", "-c", "echo out; echo err >&2; exit 42"),
                    List.of("run", "memcached", "--port", "0", "--", "sh", "-c", "kill -TERM $$"),
                    List.of("run", "redis", "--port", "0", "--timeout", "0", "--", "true"),
                    List.of("run", "redis", "--port", "0", "--", "no-such-command-anywhere"),
                    List.of("run", "redis", "--port", "x", "--", "true"),
                    List.of("run", "no-such-driver", "--", "true"),
                    List.of("run", "redsi", "--", "true"),
                    List.of("run", "redis", "--no-such-option", "--", "true"),
                    List.of("run", "echo", "--fail", "--", "true"),
                    List.of("--quiet", "run", "echo", "--message", "a\\b\nc", "--", "sh", "-c",
                            "printf '%s|' \"$ECHO_MESSAGE\" \"$PIFPAF_URL\"; printf 'no newline'"));
            for (List<String> line : lines) {
                String[] args = line.toArray(String[]::new);
                Launcher.Result served = server.pifpaf(args);
                Launcher.Result jvm = server.jvm(args);
                assertEquals(jvm.exit(), served.exit(), line + "\nserved: " + served + "\njvm: " + jvm);
                assertEquals(withoutDataDirectories(jvm.stderr()), withoutDataDirectories(served.stderr()), line.toString());
                assertEquals(jvm.stdout(), served.stdout(), line.toString());
            }
            assertEquals(2, server.pifpaf("run", "no-such-driver", "--", "true").exit());
            // A daemon whose binary is not on this client's PATH (and that is never fetched): status 3, as the JVM says.
            String[] missing = {"run", "memcached", "--port", "0", "--", "/bin/true"};
            Launcher.Result served = server.pifpaf(server.env("PATH", "/nonexistent"), missing);
            Launcher.Result jvm = server.pifpaf(server.env("PATH", "/nonexistent", "PIFPAF_SERVER", "off"), missing);
            assertEquals(3, served.exit(), served.toString());
            assertEquals(jvm, served);
        }
    }

    @ParameterizedTest
    @MethodSource("org.pifpaf.distribution.Identity#available")
    void eachClientsPathAndTmpdirAreItsOwnInParallel(Identity identity) throws Exception {
        try (ServerFixture server = new ServerFixture(identity); PrivateTmp other = new PrivateTmp()) {
            server.startServer();
            List<CompletableFuture<Launcher.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Path tmp = i % 2 == 0 ? server.tmp().path() : other.path();
                runs.add(CompletableFuture.supplyAsync(() -> run(server, server.env("TMPDIR", tmp.toString()),
                        "run", "redis", "--port", "0", "--", "sh", "-c",
                        "redis-cli -p \"$PIFPAF_REDIS_PORT\" ping && echo \"$PIFPAF_DATA\" && cat /proc/$PPID/comm")));
            }
            runs.add(CompletableFuture.supplyAsync(() -> run(server, server.env("PATH", "/nonexistent"),
                    "run", "memcached", "--port", "0", "--", "/bin/true")));
            for (int i = 0; i < 6; i++) {
                Launcher.Result result = runs.get(i).join();
                assertEquals(0, result.exit(), result.toString());
                Path tmp = i % 2 == 0 ? server.tmp().path() : other.path();
                assertTrue(result.stdout().matches("PONG\n" + tmp + "/pifpaf-redis-[0-9]+\npifpaf\n"), result.toString());
            }
            assertEquals(3, runs.get(6).join().exit(), runs.get(6).join().toString());
            assertEquals(List.of(), other.leftovers());
        }
    }

    @ParameterizedTest
    @MethodSource("org.pifpaf.distribution.Identity#available")
    void whatItDoesNotServePrintsWhatTheJvmPrints(Identity identity, @TempDir Path dir) throws Exception {
        try (ServerFixture server = new ServerFixture(identity)) {
            server.startServer();
            Path stack = Files.writeString(dir.resolve("stack.yaml"), "daemons:\n  cache: { driver: memcached }\n");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<List<String>> lines = List.of(List.of("list-drivers"), List.of("list-drivers", "-o", "json"),
                    List.of("list", "--output", "yaml"), List.of("run", "redis", "--help"), List.of("--version"),
                    List.of("config"), List.of("--help"), List.of("server", "--help"),
                    List.of("run", "-f", stack.toString(), "--", "sh", "-c", "test -n \"$CACHE_URL\""));
            for (List<String> line : lines) {
                String[] args = line.toArray(String[]::new);
                Launcher.Result served = server.pifpaf(args);
                Launcher.Result jvm = server.jvm(args);
                assertEquals(jvm.toString(), served.toString(), line.toString());
            }
            String sentBack = "not run by the pifpaf server: the server sent the run back: not a plain run with a command";
            Launcher.Result stackRun = server.pifpaf("--debug", "run", "-f", stack.toString(), "--", "true");
            assertTrue(stackRun.stderr().contains(sentBack), stackRun.toString());
            // Eval mode: the JVM's supervisor holds the daemon, as without a server.
            Launcher.Result eval = server.pifpaf("--debug", "run", "memcached", "--port", "0");
            assertEquals(0, eval.exit(), eval.toString());
            assertTrue(eval.stderr().contains(sentBack), eval.toString());
            Map<String, String> exports = Launcher.exports(eval.stdout());
            assertTrue(exports.get("PIFPAF_URL").startsWith("memcached://localhost:"), eval.toString());
            ServerFixture.kill("TERM", Long.parseLong(exports.get("PIFPAF_PID")));
        }
    }

    @Test
    void offNeverAsksTheServer() throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            server.startServer();
            Launcher.Result off = server.pifpaf(server.env("PIFPAF_SERVER", "off"), "--debug", "run", "memcached",
                    "--port", "0", "--", "sh", "-c", "cat /proc/$PPID/comm");
            assertEquals(0, off.exit(), off.toString());
            assertEquals("java\n", off.stdout());
            assertFalse(off.stderr().contains("pifpaf server"), "the launcher did not even look: " + off.stderr());
            assertEquals("pifpaf\n", server.pifpaf("run", "memcached", "--port", "0", "--", "sh", "-c",
                    "cat /proc/$PPID/comm").stdout());
        }
    }

    @Test
    void onATerminalItPrintsWhatTheJvmPrintsAndCtrlCStopsTheRun() throws Exception {
        Binaries.require("script", "bsdutils");
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            server.startServer();
            Map<String, String> served = server.env("TERM", "xterm");
            Map<String, String> jvm = server.env("TERM", "xterm", "PIFPAF_SERVER", "off");
            Launcher.Result listing = onATerminal(served, "pifpaf list-drivers");
            assertTrue(listing.stdout().contains("\u001b[32m"), listing.stdout());
            assertEquals(onATerminal(jvm, "pifpaf list-drivers"), listing);
            String terminals = "pifpaf run memcached --port 0 -- sh -c "
                    + "'test -t 0 && test -t 1 && test -t 2 && cat /proc/$PPID/comm'";
            assertEquals(new Launcher.Result(0, "pifpaf\r\n", ""), onATerminal(served, terminals));
            String slow = "pifpaf run echo --ready never --timeout 1 -- true";
            Launcher.Result progress = onATerminal(served, slow);
            assertEquals(5, progress.exit(), progress.toString());
            assertTrue(progress.stdout().contains("starting echo (sh: waiting for a log line matching /never/)"),
                    progress.stdout());
            assertTrue(progress.stdout().contains("\r\u001b[K"), "the line is wiped before the error: " + progress);
            for (Map<String, String> env : List.of(served, jvm)) {
                Process run = Launcher.start(Identity.CURRENT_USER, List.of("script", "-qefc",
                        "pifpaf run memcached --port 0 -- sh -c 'echo ready; sleep 60'", "/dev/null"), env,
                        ProcessBuilder.Redirect.PIPE);
                assertEquals("ready", ServerFixture.firstLine(run).trim());
                run.getOutputStream().write(3); // Ctrl-C
                run.getOutputStream().flush();
                assertTrue(run.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not end the run");
                assertEquals(130, run.exitValue(), env.get("PIFPAF_SERVER"));
                assertEquals(List.of(), server.tmp().leftovers());
            }
        }
    }

    private static Launcher.Result onATerminal(Map<String, String> env, String command) throws Exception {
        return Launcher.run(Identity.CURRENT_USER, List.of("script", "-qefc", command, "/dev/null"), env);
    }

    private static Launcher.Result run(ServerFixture server, Map<String, String> env, String... args) {
        try {
            return server.pifpaf(env, args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The command's environment after {@link #PARENT_AND_ENVIRONMENT}'s first line, sorted, every
     * number (ports, pids, data directories' names) as N, without what the test gives differently.
     */
    private static List<String> environment(String output) {
        String env = output.substring(output.indexOf('\n') + 1);
        return Arrays.stream(env.split("\0")).filter(entry -> !entry.startsWith("PIFPAF_SERVER="))
                .map(entry -> entry.replaceAll("[0-9]+", "N")).sorted().toList();
    }

    private static String withoutDataDirectories(String text) {
        return text.replaceAll("pifpaf-([a-z]+)-[0-9]+", "pifpaf-$1-N");
    }
}
