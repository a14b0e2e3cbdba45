package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL to the process that owns daemons, at random moments (during start-up too): its
 * reaper must stop every daemon and remove every data directory within a few seconds.
 */
class KilledOwnerIT {

    private static final int ROUNDS = 20;

    @BeforeAll
    static void binaries() {
        Binaries.require("postgres", "postgresql");
        Binaries.require("redis-server", "redis-server");
    }

    private static void kill9(long pid) throws Exception {
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void aKilledCommandModePifpafLeavesNothingBehind() throws Exception {
        java.nio.file.Path stack = java.nio.file.Files.writeString(dir.resolve("both.yaml"),
                "daemons:\n  db: { driver: postgresql }\n  cache: { driver: redis }\n");
        Random random = new Random(20261125);
        for (int round = 0; round < ROUNDS; round++) {
            String driver = "postgresql and redis";
            long delay = random.nextInt(1500);
            try (PrivateTmp tmp = new PrivateTmp()) {
                Process pifpaf = Launcher.start(Identity.CURRENT_USER,
                        List.of("pifpaf", "run", "-f", stack.toString(), "--", "sleep", "30"), tmp.env());
                Thread.sleep(delay);
                // The user's command is not a daemon: the test ends it itself (not the reaper!).
                List<ProcessHandle> command = pifpaf.children()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).toList();
                kill9(pifpaf.pid());
                pifpaf.waitFor();
                command.forEach(ProcessHandle::destroyForcibly);
                assertEquals(List.of(), tmp.leftovers(), "round " + round + ": " + driver + " killed after " + delay + " ms");
            }
        }
    }

    @Test
    void aKilledPifpafMakingASpareTemplateCopyLeavesNothingBehind() throws Exception {
        // Three PostgreSQL in one process: each takes or copies the cluster, and a spare copy is
        // made in the cache by a copier process of its own, which finishes and removes its
        // holder whenever pifpaf dies.
        java.nio.file.Path stack = java.nio.file.Files.writeString(dir.resolve("three.yaml"),
                "daemons:\n  a: { driver: postgresql }\n  b: { driver: postgresql }\n  c: { driver: postgresql }\n");
        Random random = new Random(20261126);
        for (int round = 0; round < 5; round++) {
            long delay = 300 + random.nextInt(1500);
            try (PrivateTmp tmp = new PrivateTmp()) {
                java.nio.file.Path cache = dir.resolve("cache");
                Map<String, String> env = new java.util.HashMap<>(tmp.env());
                env.put("PIFPAF_CACHE_DIR", cache.toString());
                Process pifpaf = Launcher.start(Identity.CURRENT_USER,
                        List.of("pifpaf", "run", "-f", stack.toString(), "--", "sleep", "30"), env);
                Thread.sleep(delay);
                List<ProcessHandle> command = pifpaf.children()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).toList();
                kill9(pifpaf.pid());
                pifpaf.waitFor();
                command.forEach(ProcessHandle::destroyForcibly);
                assertEquals(List.of(), tmp.leftovers(), "round " + round + ": killed after " + delay + " ms");
                assertEquals(List.of(), spareHolders(cache), "round " + round + ": killed after " + delay + " ms");
            }
        }
    }

    /** Spare copies or removals still under way in the cache, once they had time to finish. */
    private static List<java.nio.file.Path> spareHolders(java.nio.file.Path cache) throws Exception {
        List<java.nio.file.Path> holders = List.of();
        for (int i = 0; i < 600; i++) {
            if (!java.nio.file.Files.isDirectory(cache)) {
                return List.of();
            }
            try (var entries = java.nio.file.Files.list(cache)) {
                holders = entries.filter(p -> p.getFileName().toString().startsWith(".spare-")
                        || p.getFileName().toString().startsWith(".removed-")).toList();
            }
            if (holders.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return holders;
    }

    @Test
    void aDaemonThatDetachedItselfIsStillReaped() throws Exception {
        java.nio.file.Path drivers = java.nio.file.Files.createDirectory(dir.resolve("drivers"));
        java.nio.file.Files.copy(Launcher.TEST_DRIVERS.resolve("echo.jar"), drivers.resolve("echo.jar"));
        for (boolean killed : List.of(false, true)) {
            try (PrivateTmp tmp = new PrivateTmp()) {
                Process pifpaf = Launcher.start(Identity.CURRENT_USER, List.of("pifpaf", "--drivers-dir", drivers.toString(),
                        "run", "echo", "--detach", "--", "sh", "-c", "echo up; exec sleep 30"), tmp.env());
                new java.io.BufferedReader(new java.io.InputStreamReader(pifpaf.getInputStream())).readLine();
                List<ProcessHandle> command = pifpaf.children()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).toList();
                if (killed) {
                    kill9(pifpaf.pid()); // the reaper must find the detached process
                } else {
                    command.forEach(ProcessHandle::destroy); // the command ends: pifpaf stops the daemon
                }
                pifpaf.waitFor();
                command.forEach(ProcessHandle::destroyForcibly);
                assertEquals(List.of(), tmp.leftovers(), killed ? "after SIGKILL" : "after a normal stop");
            }
        }
    }

    @Test
    void aKilledEvalModeSupervisorLeavesNothingBehind() throws Exception {
        for (String driver : List.of("postgresql", "redis")) {
            try (PrivateTmp tmp = new PrivateTmp()) {
                var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", driver, "--port", "0"), tmp.env());
                assertEquals(0, result.exit(), result.toString());
                Map<String, String> exports = Launcher.exports(result.stdout());
                kill9(Long.parseLong(exports.get("PIFPAF_PID")));
                assertEquals(List.of(), tmp.leftovers(), driver);
            }
        }
    }
}
