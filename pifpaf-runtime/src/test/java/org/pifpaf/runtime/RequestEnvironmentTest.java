package org.pifpaf.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;

/**
 * A start looks everything up in its request's environment, and its processes run with that
 * environment plus the driver's exports, not with this JVM's: what lets the pifpaf server start
 * each client's daemon as that client's own JVM would.
 */
class RequestEnvironmentTest {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));

    @TempDir
    Path tmp;

    private Map<String, String> environment(String... pairs) {
        Map<String, String> variables = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "TMPDIR", tmp.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        return variables;
    }

    @Test
    void daemonsRunWithTheRequestsEnvironmentAndTheExports() throws Exception {
        assertTrue(System.getenv().containsKey("PATH"));
        String script = "echo \"mark=$MARK first=$PIFPAF_FIRST home=${HOME-unset}\"; echo ready; exec sleep 1000";
        StartRequest request = StartRequest.builder("shell").option("script", script)
                .environment(environment("MARK", "from the request's $environment")).build();
        try (RunningDaemon daemon = STARTER.start(request)) {
            assertTrue(Files.readString(daemon.logFile()).contains("mark=from the request's $environment first=1 home=unset"),
                    Files.readString(daemon.logFile()));
        }
    }

    @Test
    void theRequestsTmpdirHoldsTheDataDirectory() {
        StartRequest request = StartRequest.builder("shell").environment(environment()).build();
        assertEquals(tmp, request.tmpDir());
        try (RunningDaemon daemon = STARTER.start(request)) {
            assertEquals(tmp, daemon.dataDir().getParent());
        }
    }

    @Test
    void settingsDefaultToTheRequestsVariables() {
        StartRequest request = StartRequest.builder("shell").environment(environment("PIFPAF_RUN_AS", "daemon",
                "PIFPAF_PROVISION", "installed", "PIFPAF_CACHE_DIR", tmp.resolve("cache").toString())).build();
        assertEquals("daemon", request.runAs());
        assertEquals(ProvisionMode.INSTALLED, request.provisioning());
        assertEquals(tmp.resolve("cache"), request.cacheDir().orElseThrow());
        StartRequest home = StartRequest.builder("shell").environment(environment("HOME", tmp.toString())).build();
        assertEquals(tmp.resolve(".cache/pifpaf"), home.cacheDir().orElseThrow());
        assertEquals(StartRequest.DEFAULT_RUN_AS, home.runAs());
        assertNotEquals(request.environment(), home.environment());
        // Settings given to the builder win over the environment's, as before.
        assertEquals("someone", StartRequest.builder("shell").environment(environment("PIFPAF_RUN_AS", "daemon"))
                .runAs("someone").build().runAs());
    }

    @Test
    void binariesAreLookedForOnTheRequestsPath() {
        StartRequest request = StartRequest.builder("shell").environment(environment("PATH", tmp.toString())).build();
        StartFailedException e = assertThrows(StartFailedException.class, () -> STARTER.start(request));
        assertEquals(StartFailedException.Reason.MISSING_BINARY, e.reason(), e.getMessage());
        // Found on this JVM's PATH, which the request above did not have: nothing was cached for it.
        try (RunningDaemon daemon = STARTER.start(StartRequest.builder("shell").environment(environment()).build())) {
            assertTrue(daemon.processes().get(0).isAlive());
        }
    }
}
