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
import org.junit.jupiter.api.AfterEach;
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
        Binaries.require("postgres", "postgresql");
        Binaries.require("psql", "postgresql-client");
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
            awaitBackgroundWork(cache);
            try (Stream<Path> entries = Files.list(cache)) {
                List<String> dirs = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
                assertEquals(2, dirs.size(), "one cache entry and its spare, no staging left: " + dirs);
                assertEquals(dirs.get(0) + ".spare", dirs.get(1));
            }
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aRunTakesTheSpareAndLeavesANewOneWithoutWaitingForIt() throws Exception {
        // The cache and TMPDIR share a file system here, so each entry keeps a spare copy next
        // to it: a run renames it into its data directory, and a copier process of its own
        // copies the next one, which the run does not wait for.
        Path cache = home.resolve("cache");
        List<String> selectOne = new ArrayList<>(SELECT_ONE);
        selectOne.set(1, "--debug");
        try (PrivateTmp tmp = new PrivateTmp()) {
            Launcher.Result creating = Launcher.run(Identity.CURRENT_USER, selectOne, env(tmp, cache));
            assertEquals("1", creating.stdout().trim(), creating.toString());
            assertTrue(creating.stderr().contains("copying a spare of "), creating.stderr());
            Path spare = cache.resolve(onlyEntry(cache) + ".spare");
            awaitBackgroundWork(cache);
            assertTrue(Files.isDirectory(spare), "no spare after the first run");
            Files.writeString(spare.resolve("taken-by-the-next-run"), ""); // goes with the spare it is in

            Launcher.Result taking = Launcher.run(Identity.CURRENT_USER, selectOne, env(tmp, cache));
            assertEquals("1", taking.stdout().trim(), taking.toString());
            assertTrue(taking.stderr().contains("took the spare copy of "), taking.stderr());
            assertTrue(taking.stderr().contains("copying a spare of "), taking.stderr());
            awaitBackgroundWork(cache);
            assertTrue(Files.isDirectory(spare), "no new spare");
            assertFalse(Files.exists(spare.resolve("taken-by-the-next-run")), "the spare was not taken");
            try (Stream<Path> entries = Files.list(cache)) {
                List<String> names = entries.map(p -> p.getFileName().toString())
                        .filter(name -> !name.equals("driver-index")).sorted().toList();
                assertEquals(3, names.size(), "entry, lock file and spare only: " + names);
                assertTrue(names.get(0).matches("postgresql-cluster-[0-9a-f]+"), names.toString());
                assertEquals(List.of(names.get(0) + ".lock", names.get(0) + ".spare"), names.subList(1, 3));
            }
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    /** The background work in every cache under the test's home is done: then it can be removed. */
    @AfterEach
    void awaitBackgroundWork() throws Exception {
        try (Stream<Path> caches = Files.list(home)) {
            for (Path cache : caches.filter(Files::isDirectory).toList()) {
                awaitBackgroundWork(cache);
            }
        }
    }

    private static void awaitBackgroundWork(Path cache) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (working(cache) > 0) {
            assertTrue(System.nanoTime() < deadline, "background work still going on in " + cache + " after 60 s");
            Thread.sleep(20);
        }
    }

    private static long working(Path cache) throws Exception {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".spare-") || name.startsWith(".removed-")).count();
        }
    }

    private static String onlyEntry(Path cache) throws Exception {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("postgresql-cluster-[0-9a-f]+"))
                    .findFirst().orElseThrow();
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
            // The driver index may be written there; no template is.
            if (Files.exists(cache)) {
                try (Stream<Path> entries = Files.list(cache)) {
                    assertEquals(List.of(), entries.filter(p -> !p.getFileName().toString().equals("driver-index")).toList());
                }
            }
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
