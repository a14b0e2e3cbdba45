package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template cache through the command line: one initdb for concurrent first runs in separate
 * processes, copies afterwards, {@code --no-cache}, and where the directory comes from.
 */
class TemplateCacheIT {

    private static final String CREATING = "creating the cluster template of postgresql once";
    private static final List<String> SELECT_ONE =
            List.of("pifpaf", "--verbose", "run", "postgresql", "--port", "0", "--", "psql", "-Atc", "select 1");

    @TempDir
    Path home;

    @BeforeAll
    static void binaries() {
        Binaries.require("psql", "postgresql");
    }

    private Map<String, String> env(PrivateTmp tmp, Path cache) {
        Map<String, String> env = new HashMap<>(tmp.env());
        env.put("PIFPAF_CACHE_DIR", cache.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return env;
    }

    @Test
    void concurrentFirstRunsInitialiseOnceAndLaterRunsCopy() throws Exception {
        Path cache = home.resolve("cache");
        try (PrivateTmp tmp = new PrivateTmp()) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Launcher.Result> results = new ArrayList<>();
            try {
                List<Future<Launcher.Result>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(pool.submit(() -> Launcher.run(Identity.CURRENT_USER, SELECT_ONE, env(tmp, cache))));
                }
                for (Future<Launcher.Result> run : runs) {
                    results.add(run.get());
                }
            } finally {
                pool.shutdownNow();
            }
            for (Launcher.Result result : results) {
                assertEquals(0, result.exit(), result.toString());
                assertEquals("1", result.stdout().trim(), result.toString());
            }
            assertEquals(1, results.stream().filter(r -> r.stderr().contains(CREATING)).count(), results.toString());

            Launcher.Result later = Launcher.run(Identity.CURRENT_USER, SELECT_ONE, env(tmp, cache));
            assertEquals("1", later.stdout().trim(), later.toString());
            assertFalse(later.stderr().contains(CREATING), later.stderr());
            try (Stream<Path> entries = Files.list(cache)) {
                assertEquals(1, entries.filter(Files::isDirectory).count(), "one cache entry, no staging left");
            }
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aSpareCopyMadeForAStackIsRemovedAtExit() throws Exception {
        // Three PostgreSQL in one process: from the second start, a spare copy is made beside the
        // data directories; the process must remove it when it exits.
        Path cache = home.resolve("cache");
        Path stack = Files.writeString(home.resolve("three.yaml"),
                "daemons:\n  a: { driver: postgresql }\n  b: { driver: postgresql }\n  c: { driver: postgresql }\n");
        try (PrivateTmp tmp = new PrivateTmp()) {
            Launcher.Result result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "-f", stack.toString(),
                    "--", "sh", "-c", "sleep 1; ls -a \"$TMPDIR\""), env(tmp, cache));
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.stdout().contains(".pifpaf-spare-postgresql-cluster-"), "no spare was made: " + result);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void noCacheNeitherReadsNorFillsTheCache() throws Exception {
        Path cache = home.resolve("unused");
        try (PrivateTmp tmp = new PrivateTmp()) {
            List<String> argv = new ArrayList<>(SELECT_ONE);
            argv.add(3, "--no-cache");
            Launcher.Result result = Launcher.run(Identity.CURRENT_USER, argv, env(tmp, cache));
            assertEquals("1", result.stdout().trim(), result.toString());
            assertFalse(Files.exists(cache), "the cache directory was created");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void theDirectoryComesFromTheEnvironmentElseTheConfigFile() throws Exception {
        Path configured = home.resolve("configured");
        Path file = Files.createDirectories(home.resolve("config/pifpaf")).resolve("config.yaml");
        Files.writeString(file, "timeout: 60\ncache-dir: " + configured + "\n");
        try (PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> fromFile = env(tmp, home);
            fromFile.remove("PIFPAF_CACHE_DIR");
            Launcher.Result shown = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "config"), fromFile);
            assertTrue(shown.stdout().lines().anyMatch(line -> line.matches(
                    "cache-dir\\s+" + configured + "\\s+" + file + ":2")), shown.toString());
            Launcher.Result run = Launcher.run(Identity.CURRENT_USER, SELECT_ONE, fromFile);
            assertEquals("1", run.stdout().trim(), run.toString());
            try (Stream<Path> entries = Files.list(configured)) {
                assertTrue(entries.anyMatch(p -> p.getFileName().toString().startsWith("postgresql-cluster-")));
            }

            Path overriding = home.resolve("from-env");
            Launcher.Result overridden = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "config"), env(tmp, overriding));
            assertTrue(overridden.stdout().lines().anyMatch(line -> line.matches(
                    "cache-dir\\s+" + overriding + "\\s+environment \\(PIFPAF_CACHE_DIR\\)")), overridden.toString());
            assertEquals(List.of(), tmp.leftovers());
        }
    }
}
