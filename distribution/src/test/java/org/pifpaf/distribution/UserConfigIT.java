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
        Path file = Files.createDirectories(configHome.resolve("pifpaf")).resolve("config.yaml");
        Files.writeString(file, config);
        Map<String, String> env = new HashMap<>(tmp.env());
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
