package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user configuration file: default options per driver, and the command line over it. */
class UserConfigIT {

    @TempDir
    Path configHome;

    @BeforeAll
    static void binaries() {
        Binaries.require("postgres", "postgresql");
        Binaries.require("psql", "postgresql-client");
    }

    private Launcher.Result pifpaf(PrivateTmp tmp, String config, List<String> args) throws Exception {
        return pifpaf(tmp.env(), config, args);
    }

    private Launcher.Result pifpaf(Map<String, String> base, String config, List<String> args) throws Exception {
        Path file = Files.createDirectories(configHome.resolve("pifpaf")).resolve("config.yaml");
        Files.writeString(file, config);
        Map<String, String> env = new HashMap<>(base);
        env.put("XDG_CONFIG_HOME", configHome.toString());
        List<String> argv = new java.util.ArrayList<>(List.of("pifpaf"));
        argv.addAll(args);
        return Launcher.run(Identity.CURRENT_USER, argv, env);
    }

    @Test
    void driverDefaultsComeFromTheFileAndTheCommandLineWins() throws Exception {
        String config = "timeout: 60\ndrivers:\n  postgresql: { sync: true }\n";
        try (PrivateTmp tmp = new PrivateTmp()) {
            var fromFile = pifpaf(tmp, config, List.of("run", "postgresql", "--port", "0", "--", "psql", "-Atc", "show fsync"));
            assertEquals("on", fromFile.stdout().trim(), fromFile.toString());
            var overridden = pifpaf(tmp, config, List.of("run", "postgresql", "--port", "0", "--no-sync", "--",
                    "psql", "-Atc", "show fsync"));
            assertEquals("off", overridden.stdout().trim(), overridden.toString());
            var shown = pifpaf(tmp, config, List.of("config"));
            assertTrue(shown.stdout().contains("drivers.postgresql.sync"), shown.stdout());
            assertTrue(shown.stdout().contains(configHome.resolve("pifpaf/config.yaml") + ":3"), shown.stdout());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    /**
     * {@code provision: installed} makes a run as if provisioning did not exist: Redis 6.2, which
     * is not installed (Debian has 7), is then missing rather than fetched; the command line wins.
     */
    @Test
    void provisionInstalledInTheFileLeavesAVersionNotInstalledMissing() throws Exception {
        String config = "timeout: 60\nprovision: installed\n";
        List<String> redis62 = List.of("run", "redis@6.2", "--port", "0", "--", "bash", "-c",
                "exec 3<>/dev/tcp/127.0.0.1/$PIFPAF_REDIS_PORT; printf 'INFO server\\r\\n' >&3;"
                        + " timeout 5 grep -m1 -o 'redis_version:[0-9.]*' <&3");
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> env = provision.env(tmp);
            var missing = pifpaf(env, config, redis62);
            assertEquals(3, missing.exit(), missing.toString());
            assertTrue(missing.stderr().contains("redis-server 6.2 not found; installed: "), missing.toString());
            assertFalse(Files.exists(provision.trees()), "nothing fetched");

            List<String> auto = new java.util.ArrayList<>(redis62);
            auto.add(2, "--provision");
            auto.add(3, "auto");
            var fetched = pifpaf(env, config, auto);
            assertEquals(0, fetched.exit(), fetched.toString());
            assertTrue(fetched.stdout().startsWith("redis_version:6.2."), fetched.toString());

            var shown = pifpaf(env, config, List.of("config"));
            assertTrue(shown.stdout().lines().anyMatch(l -> l.matches("provision +installed +"
                    + java.util.regex.Pattern.quote(configHome.resolve("pifpaf/config.yaml") + ":2"))), shown.stdout());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aMistakeIsRejectedWithItsLine() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            for (List<String> args : List.of(List.of("config"), List.of("run", "postgresql", "--", "true"))) {
                var result = pifpaf(tmp, "drivers:\n  postgresql:\n    sync: maybe\n", args);
                assertEquals(2, result.exit(), result.toString());
                assertTrue(result.stderr().contains("config.yaml:3: drivers.postgresql.sync: 'maybe' is not true or false"),
                        result.stderr());
            }
            assertEquals(List.of(), tmp.leftovers());
        }
    }
}
