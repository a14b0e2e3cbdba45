package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pifpaf status} and {@code pifpaf stop} for daemons left running by eval mode. */
class StatusAndStopIT {

    @TempDir
    Path runtimeDir;

    @BeforeAll
    static void binaries() {
        Binaries.require("redis-server", "redis-server");
        Binaries.require("memcached", "memcached");
    }

    private Launcher.Result pifpaf(PrivateTmp tmp, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(tmp.env());
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        List<String> argv = new java.util.ArrayList<>(List.of("pifpaf"));
        argv.addAll(List.of(args));
        return Launcher.run(Identity.CURRENT_USER, argv, env);
    }

    @Test
    void listsDetachedInstancesAndStopsThemOneByOneOrAll() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> redis = Launcher.exports(pifpaf(tmp, "run", "redis", "--port", "0").stdout());
            Map<String, String> memcached = Launcher.exports(
                    pifpaf(tmp, "run", "--env-prefix", "CACHE", "memcached", "--port", "0").stdout());
            var status = pifpaf(tmp, "status");
            assertEquals(0, status.exit(), status.toString());
            assertTrue(status.stdout().contains(redis.get("PIFPAF_PID") + " ") && status.stdout().contains(redis.get("PIFPAF_URL")),
                    status.stdout());
            assertTrue(status.stdout().contains("CACHE") && status.stdout().contains(memcached.get("CACHE_URL")), status.stdout());

            assertEquals(0, pifpaf(tmp, "stop", redis.get("PIFPAF_PID")).exit());
            assertTrue(Files.notExists(Path.of(redis.get("PIFPAF_DATA"))), "stop waits for the clean-up");
            String after = pifpaf(tmp, "status").stdout();
            assertTrue(!after.contains(redis.get("PIFPAF_URL")) && after.contains(memcached.get("CACHE_URL")), after);

            var unknown = pifpaf(tmp, "stop", "999999");
            assertEquals(2, unknown.exit(), unknown.toString());
            assertTrue(unknown.stderr().contains("no detached pifpaf instance 999999"), unknown.stderr());

            assertEquals(0, pifpaf(tmp, "stop", "--all").exit());
            assertTrue(pifpaf(tmp, "status").stdout().contains("no detached pifpaf instance"));
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void recordsOfDeadSupervisorsAreCleanedAway() throws Exception {
        Path records = Files.createDirectories(runtimeDir.resolve("pifpaf"));
        Files.writeString(records.resolve("999999.instance"), "label=redis\nprefix=PIFPAF\nurls=redis://x\nstarted=1\npidStarted=1\n");
        try (PrivateTmp tmp = new PrivateTmp()) {
            assertTrue(pifpaf(tmp, "status").stdout().contains("no detached pifpaf instance"));
        }
        assertTrue(Files.notExists(records.resolve("999999.instance")));
    }
}
