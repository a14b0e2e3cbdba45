package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * Daemons fetched from Maven repositories through the command line, as root (the daemons then
 * run as nobody from the trees in /var/cache/pifpaf/provisioned) and as an unprivileged user.
 * The current user fetches as a user would (its own settings, Maven Central unless the local
 * repository has the artifact already, as it has in a full build after pifpaf-provision's tests);
 * the unprivileged user fetches over HTTP from a repository this test serves out of the current
 * user's local repository, into a local repository and trees of its own.
 */
class ProvisionedIT {

    private static Path shared;
    private static MavenRepositoryServer repository;

    @BeforeAll
    static void sharedDirectory() throws IOException {
        shared = Files.createTempDirectory("pifpaf-provisioned-it-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        repository = MavenRepositoryServer.serving(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        // The JDBC client: a source-file program and the driver's jar, readable by every user.
        for (String entry : System.getProperty("java.class.path").split(":")) {
            if (Path.of(entry).getFileName().toString().matches("postgresql-[0-9.]+\\.jar")) {
                Files.copy(Path.of(entry), shared.resolve("pgjdbc.jar"));
            }
        }
        Files.writeString(shared.resolve("VersionOf.java"), """
                public class VersionOf {
                    public static void main(String[] variables) throws Exception {
                        for (String variable : variables) {
                            try (var db = java.sql.DriverManager.getConnection(System.getenv(variable));
                                 var result = db.createStatement().executeQuery("select version()")) {
                                result.next();
                                System.out.println(variable + ": " + result.getString(1));
                            }
                        }
                    }
                }
                """);
    }

    @AfterAll
    static void removeShared() throws IOException {
        repository.close();
        ProvisionFixture.removeAll(shared);
    }

    static List<Identity> identities() {
        return Identity.available().toList();
    }

    @ParameterizedTest
    @MethodSource("identities")
    void postgresqlSixteenAndSeventeenSideBySideAnswerSelectVersionOverJdbc(Identity identity) throws Exception {
        Binaries.require("bash", "bash");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (PrivateTmp tmp = new PrivateTmp()) {
            List<String> argv = List.of("pifpaf", "-e", "PG16", "run", "postgresql@16", "--provision", "provisioned",
                    "--port", "0", "--", "pifpaf", "-e", "PG17", "run", "postgresql@17", "--provision", "provisioned",
                    "--port", "0",
                    "--", java, "-cp", shared.resolve("pgjdbc.jar").toString(), shared.resolve("VersionOf.java").toString(),
                    "PG16_POSTGRESQL_JDBC_URL", "PG17_POSTGRESQL_JDBC_URL");
            Launcher.Result result = Launcher.run(identity, argv, environment(identity, tmp));
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.stdout().contains("PG16_POSTGRESQL_JDBC_URL: PostgreSQL 16."), result.toString());
            assertTrue(result.stdout().contains("PG17_POSTGRESQL_JDBC_URL: PostgreSQL 17."), result.toString());
            assertEquals(List.of(), tmp.leftovers(), result.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void fetchedOnceThenStartsOfflineAndListDriversShowsIt(Identity identity) throws Exception {
        Binaries.require("bash", "bash");
        try (PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> env = environment(identity, tmp);
            Path trees = Files.createDirectories(shared.resolve("offline-" + identity).resolve("trees"));
            Files.setPosixFilePermissions(trees.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.delete(trees); // made by pifpaf, owned by the user it runs as
            env.put("PIFPAF_PROVISION_DIR", trees.toString());
            env.put("PIFPAF_MAVEN_SETTINGS", MavenRepositoryServer.settings(trees.getParent(), repository.url(),
                    trees.resolveSibling("repository")).toString());
            Launcher.Result fetched = Launcher.run(identity, List.of("pifpaf", "fetch", "redis"), env);
            assertEquals(0, fetched.exit(), fetched.toString());
            assertTrue(fetched.stdout().startsWith("redis  com.github.codemonstur:embedded-redis:1.4.4  " + trees),
                    fetched.toString());
            Launcher.Result listed = Launcher.run(identity, List.of("pifpaf", "list-drivers"), env);
            String redis = listed.stdout().lines().filter(l -> l.startsWith("redis ")).findFirst().orElseThrow();
            assertTrue(redis.matches("redis .* 6\\.2 .*"), listed.toString()); // PROVISIONED, after STATUS

            // Nothing answers at the repository's address any more: the tree kept is enough.
            env.put("PIFPAF_MAVEN_SETTINGS", MavenRepositoryServer.settings(trees.getParent(), ProvisionFixture.closedRepository(),
                    trees.resolveSibling("repository")).toString());
            Launcher.Result offline = Launcher.run(identity, List.of("pifpaf", "run", "redis", "--provision", "provisioned",
                    "--port", "0", "--", "bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/$PIFPAF_REDIS_PORT; echo PING >&3; head -1 <&3"), env);
            assertEquals(0, offline.exit(), offline.toString());
            assertEquals("+PONG", offline.stdout().strip(), offline.toString());
            assertEquals(List.of(), tmp.leftovers(), offline.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void anUnreachableRepositoryEndsWithStatus8NamingArtifactAndRepositoryLeavingNothing(Identity identity)
            throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> env = environment(identity, tmp);
            Path dir = Files.createDirectories(shared.resolve("unreachable-" + identity));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            String closed = ProvisionFixture.closedRepository();
            env.put("PIFPAF_PROVISION_DIR", dir.resolve("trees").toString());
            env.put("PIFPAF_MAVEN_SETTINGS", MavenRepositoryServer.settings(dir, closed, dir.resolve("repository"))
                    .toString());
            Launcher.Result result = Launcher.run(identity, List.of("pifpaf", "run", "redis", "--provision", "provisioned",
                    "--", "true"), env);
            assertEquals(8, result.exit(), result.toString());
            assertTrue(result.stderr().contains("com.github.codemonstur:embedded-redis:1.4.4")
                    && result.stderr().contains(closed), result.toString());
            assertEquals(1, result.stderr().strip().lines().count(), "one line: " + result);
            assertEquals(List.of(), tmp.leftovers(), result.toString());
            try (Stream<Path> left = Files.walk(dir)) {
                List<Path> made = left.filter(p -> p.getFileName().toString().endsWith(".jar")
                        || p.getFileName().toString().equals("tree") || p.getFileName().toString().startsWith(".staging-"))
                        .toList();
                assertEquals(List.of(), made, "no tree, no download, not even a part of one");
            }
        }
    }

    /**
     * The environment of a run: the private TMPDIR and, for the unprivileged user, a local
     * repository and trees of its own, fetched from this test's repository.
     */
    private static Map<String, String> environment(Identity identity, PrivateTmp tmp) throws IOException {
        Map<String, String> env = new HashMap<>(tmp.env());
        if (identity == Identity.UNPRIVILEGED_USER) {
            Path own = shared.resolve("nobody");
            if (!Files.isDirectory(own)) {
                Files.createDirectory(own);
                UserPrincipalLookupService users = own.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(own, users.lookupPrincipalByName("nobody"));
            }
            env.put("PIFPAF_PROVISION_DIR", own.resolve("trees").toString());
            env.put("PIFPAF_MAVEN_SETTINGS", repository.settings(shared, own.resolve("repository")).toString());
        }
        return env;
    }
}
