package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pifpaf.distribution.ServerFixture.await;
import static org.pifpaf.distribution.ServerFixture.kill;
import static org.pifpaf.distribution.ServerFixture.running;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What happens around a run the pifpaf server serves: signals to the client, a client or a server
 * killed with SIGKILL, the server stopped while it serves, a stale or unsafe server directory,
 * another user's or distribution's client, {@code PIFPAF_SERVER=auto}. Nothing is ever left
 * behind (the fixture checks), and no client hangs.
 */
class ServerResilienceIT {

    @BeforeAll
    static void binaries() {
        Binaries.require("redis-server", "redis-server");
        Binaries.require("memcached", "memcached");
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aSignalToTheClientStopsTheCommandAndTheDaemon(String signal, int status) throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            server.startServer();
            Process client = server.start("run", "memcached", "--port", "0", "--", "sh", "-c", "echo $$; exec sleep 60");
            long command = Long.parseLong(ServerFixture.firstLine(client));
            kill(signal, client.pid());
            assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the client did not exit");
            assertEquals(status, client.exitValue());
            assertFalse(running(command), "command still running");
        }
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalDuringTheStartStopsIt(String signal, int status) throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            server.startServer();
            Process client = server.start("run", "echo", "--ready", "never", "--timeout", "60", "--", "true");
            await(() -> server.dataDirectory("echo"), "the echo start");
            kill(signal, client.pid());
            assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the client did not exit");
            assertEquals(status, client.exitValue());
            assertEquals("", new String(client.getErrorStream().readAllBytes()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.pifpaf.distribution.Identity#available")
    void aKilledClientsDaemonIsStoppedAtOnce(Identity identity) throws Exception {
        try (ServerFixture server = new ServerFixture(identity)) {
            server.startServer();
            Process client = server.start("run", "redis", "--port", "0", "--", "sh", "-c", "echo $$; exec sleep 60");
            long command = Long.parseLong(ServerFixture.firstLine(client));
            Path data = server.dataDirectory("redis").orElseThrow();
            kill("KILL", client.pid());
            client.waitFor();
            kill("KILL", command); // the user's command is the user's, as with pifpaf's JVM
            await(() -> !Files.exists(data) && Leftovers.processesIn(data.toString()).isEmpty(), 2_000,
                    "the daemon and its data directory are gone within 2 s");
            // Killed while its daemon starts: the start is given up.
            Process starting = server.start("run", "echo", "--ready", "never", "--timeout", "60", "--", "true");
            Path echo = await(() -> server.dataDirectory("echo"), "the echo start");
            kill("KILL", starting.pid());
            await(() -> !Files.exists(echo) && Leftovers.processesIn(echo.toString()).isEmpty(), 2_000,
                    "the starting daemon and its data directory are gone within 2 s");
            assertEquals("pifpaf\n", server.pifpaf("run", "memcached", "--port", "0", "--", "sh", "-c",
                    "cat /proc/$PPID/comm").stdout(), "the server serves on");
        }
    }

    @Test
    void aKilledServersDaemonsAreReapedItsClientsSaySoAndTheNextRunsTakeTheJvm() throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            long pid = server.startServer();
            // One client whose command runs, one whose daemon never gets ready.
            Process running = server.start("run", "redis", "--port", "0", "--", "sh", "-c", "echo started; sleep 3");
            assertEquals("started", ServerFixture.firstLine(running));
            Path data = server.dataDirectory("redis").orElseThrow();
            Process starting = server.start("run", "echo", "--ready", "never", "--timeout", "3", "--", "true");
            Path echo = await(() -> server.dataDirectory("echo"), "the echo start");
            kill("KILL", pid);
            await(() -> !Files.exists(data) && !Files.exists(echo), 2_000, "the reaper removed both data directories");
            assertTrue(Leftovers.processesIn(data.toString()).isEmpty() && Leftovers.processesIn(echo.toString()).isEmpty());
            // The command runs on without its daemon, as it would if pifpaf's JVM were killed; then the client says so.
            assertTrue(running.waitFor(15, TimeUnit.SECONDS), "the client of a dead server hangs");
            String said = new String(running.getErrorStream().readAllBytes());
            assertEquals(1, running.exitValue(), said);
            assertEquals("pifpaf: the pifpaf server (pid " + pid + ") died; its daemon was stopped with it\n", said);
            // Nothing was started for the other yet: it runs pifpaf's JVM instead (whose start times out).
            assertTrue(starting.waitFor(20, TimeUnit.SECONDS), "the client of a dead server hangs");
            String told = new String(starting.getErrorStream().readAllBytes());
            assertEquals(5, starting.exitValue(), told);
            assertTrue(told.startsWith("pifpaf: the pifpaf server (pid " + pid + ") is gone; running without it\n"), told);
            // The directory it left: the next runs take the JVM quietly, and a new server takes the directory over.
            Launcher.Result next = server.pifpaf("--debug", "run", "memcached", "--port", "0", "--", "sh", "-c",
                    "cat /proc/$PPID/comm");
            assertEquals("java\n", next.stdout(), next.toString());
            assertTrue(next.stderr().contains("not run by the pifpaf server: the server " + pid + " is gone"), next.stderr());
            assertEquals(3, server.pifpaf("server", "status").exit());
            long again = server.startServer();
            assertTrue(again != pid);
            assertEquals("pifpaf\n", server.pifpaf("run", "memcached", "--port", "0", "--", "sh", "-c",
                    "cat /proc/$PPID/comm").stdout());
        }
    }

    @Test
    void aRecordWhosePidWasReusedOrWhoseClientsDiedIsNotTakenForAServer() throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            Path dir = Files.createDirectories(server.serverDir());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor());
            Files.writeString(dir.resolve("home"), Launcher.PIFPAF.getParent().getParent().toRealPath() + "\n");
            // A live process, but not the one that wrote the record: its pid was given again.
            long self = ProcessHandle.current().pid();
            Files.writeString(dir.resolve("pid"), self + " 1\n");
            Path deadClient = Files.writeString(dir.resolve("c.999999999.1.a"), "pifpaf-client-1\0");
            Launcher.Result run = server.pifpaf("--debug", "run", "memcached", "--port", "0", "--", "true");
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.stderr().contains("not run by the pifpaf server: the server " + self + " is gone"), run.stderr());
            Launcher.Result status = server.pifpaf("server", "status");
            assertEquals(3, status.exit(), status.toString());
            assertEquals(new Launcher.Result(0, "no pifpaf server is running\n", ""), server.pifpaf("server", "stop"));
            assertTrue(running(self), "stop never signals a process the record does not name");
            server.startServer();
            assertFalse(Files.exists(deadClient), "a dead client's request is swept");
        }
    }

    @Test
    void aDirectoryOpenToOthersOrNotTheUsersIsNeverUsed() throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            Path dir = Files.createDirectories(server.serverDir());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            String problem = dir + " is open to other users (mode rwxr-xr-x; it must be rwx------)";
            assertEquals(new Launcher.Result(1, "", "pifpaf: cannot start the server: " + problem + "\n"),
                    server.pifpaf("server", "start"));
            assertEquals(new Launcher.Result(3, "no pifpaf server is running (" + problem + ")\n", ""),
                    server.pifpaf("server", "status"));
            // Opened up while a server runs: the clients' runs go to the JVM until it is private again.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            server.startServer();
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Launcher.Result run = server.pifpaf("--debug", "run", "memcached", "--port", "0", "--", "sh", "-c",
                    "cat /proc/$PPID/comm");
            assertEquals("java\n", run.stdout(), run.toString());
            assertTrue(run.stderr().contains("not run by the pifpaf server: the server sent the run back: " + dir
                    + " is open to other users"), run.stderr());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (Identity.available().count() == 2) { // as root: a directory of nobody's
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
                Launcher.Result other = server.pifpaf("--debug", "run", "memcached", "--port", "0", "--", "true");
                assertTrue(other.stderr().contains("not run by the pifpaf server: " + dir
                        + " is not a directory of this user's"), other.stderr());
                Files.setOwner(dir, users.lookupPrincipalByName("root"));
            }
        }
    }

    @Test
    void stoppingWaitsForTheRunsItServesWhileNewRunsTakeTheJvm() throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            server.startServer();
            Process running = server.start("run", "memcached", "--port", "0", "--", "sh", "-c", "echo started; sleep 2");
            ServerFixture.firstLine(running);
            Process stop = server.start("server", "stop");
            await(() -> !Files.exists(server.serverDir().resolve("pid")), 5_000, "the server withdraws");
            Launcher.Result meanwhile = server.pifpaf("-v", "run", "memcached", "--port", "0", "--", "true");
            assertEquals(0, meanwhile.exit(), meanwhile.toString());
            assertFalse(meanwhile.stderr().contains("pifpaf's client"), "run by pifpaf's JVM: " + meanwhile.stderr());
            assertFalse(stop.waitFor(200, TimeUnit.MILLISECONDS), "stop waits for the run");
            assertEquals(0, running.waitFor());
            assertTrue(stop.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, stop.exitValue());
        }
    }

    @Test
    void rootAndNobodyEachHaveTheirOwnServer() throws Exception {
        Assumptions.assumeTrue(Identity.available().count() == 2, "needs root");
        try (ServerFixture root = new ServerFixture(Identity.CURRENT_USER);
             ServerFixture nobody = new ServerFixture(Identity.UNPRIVILEGED_USER)) {
            root.startServer();
            // nobody in root's runtime directory: not its own, so another directory, with no server.
            Launcher.Result status = nobody.pifpaf(root.env(), "server", "status");
            assertEquals(3, status.exit(), status.toString());
            long own = nobody.startServer();
            assertTrue(own != root.serverPid());
            for (ServerFixture server : List.of(root, nobody)) {
                Launcher.Result run = server.pifpaf("-v", "run", "memcached", "--port", "0", "--", "true");
                assertEquals(0, run.exit(), run.toString());
                assertTrue(run.stderr().contains("pifpaf's client"), run.stderr());
            }
        }
    }

    @Test
    void anotherDistributionNeverTalksToThisServer(@TempDir Path other) throws Exception {
        Path home = Launcher.PIFPAF.getParent().getParent();
        Files.createDirectory(other.resolve("bin"));
        Files.copy(Launcher.PIFPAF, other.resolve("bin/pifpaf")); // its own launcher, the rest shared
        for (String part : List.of("lib", "runtime", "drivers")) {
            Files.createSymbolicLink(other.resolve(part), home.resolve(part));
        }
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            server.startServer();
            Launcher.Result run = Launcher.run(Identity.CURRENT_USER, List.of(other.resolve("bin/pifpaf").toString(),
                    "--debug", "run", "memcached", "--port", "0", "--", "true"), server.env());
            assertEquals(0, run.exit(), run.toString());
            assertTrue(run.stderr().contains("not run by the pifpaf server: the server serves another distribution"),
                    run.stderr());
        }
    }

    @Test
    void autoStartsAServerForTheNextRuns() throws Exception {
        try (ServerFixture server = new ServerFixture(Identity.CURRENT_USER)) {
            Launcher.Result first = server.pifpaf(server.env("PIFPAF_SERVER", "auto"), "run", "memcached", "--port", "0",
                    "--", "true");
            assertEquals(new Launcher.Result(0, "", ""), first);
            await(() -> Files.exists(server.serverDir().resolve("pid")), 10_000, "a server was started");
            Launcher.Result next = server.pifpaf(server.env("PIFPAF_SERVER", "auto"), "-v", "run", "memcached",
                    "--port", "0", "--", "true");
            assertTrue(next.stderr().contains("pifpaf's client"), next.toString());
        }
    }
}
