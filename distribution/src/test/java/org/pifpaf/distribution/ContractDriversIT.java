package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pifpaf.testkit.contract.FakeExecutable;
import org.pifpaf.testkit.contract.Invocation;
import org.pifpaf.testkit.contract.Route;

/**
 * The drivers tested by contract (Vault, CouchDB, MongoDB, FakeS3) through the command line, as
 * root and as an unprivileged user: fake executables on {@code PATH} accept only the exact
 * command lines, variables and files the drivers must hand them, then answer as the daemons do,
 * and a client uses them through the exported variables; nothing is left behind.
 */
class ContractDriversIT {

    /** Fakes and the class path they run with, readable by the unprivileged user too. */
    private static Path shared;
    private static String classpath;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private record Case(String name, String fake, List<String> run, String client) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("vault", "vault", List.of("vault", "--port", "0"),
                    "test \"$VAULT_ADDR\" = \"$PIFPAF_URL\" && test \"$VAULT_TOKEN\" = \"$PIFPAF_ROOT_TOKEN\""
                            + " && curl -sf -H \"X-Vault-Token: $VAULT_TOKEN\" \"$VAULT_ADDR/v1/auth/token/lookup-self\""
                            + " | grep -q \"$VAULT_TOKEN\""),
            new Case("couchdb 3", "couchdb3/bin", List.of("couchdb", "--port", "0"),
                    "curl -sf \"http://localhost:$PIFPAF_COUCHDB_PORT/\" | grep -q '\"couchdb\":\"Welcome\"'"
                            + " && curl -sf \"$PIFPAF_HTTP_URL/_all_dbs\" | grep -q _users"
                            + " && test \"$PIFPAF_URL\" = \"couchdb://localhost:$PIFPAF_COUCHDB_PORT\""),
            new Case("couchdb 1.x", "couchdb1/bin", List.of("couchdb", "--port", "0"),
                    "curl -sf \"$PIFPAF_HTTP_URL/\" | grep -q '\"couchdb\":\"Welcome\"'"),
            new Case("mongodb", "mongod", List.of("mongodb", "--port", "0"),
                    "test \"$PIFPAF_URL\" = \"mongodb://localhost:$PIFPAF_MONGODB_PORT/test\" && '" + JAVA + "' -cp \"$FAKE_CP\""
                            + " " + MongoRoundTrip.class.getName()),
            new Case("fakes3", "fakes3", List.of("fakes3", "--port", "0"),
                    "curl -sf \"$PIFPAF_HTTP_URL/\" | grep -q ListAllMyBucketsResult"
                            + " && test \"$PIFPAF_URL\" = \"s3://localhost:$PIFPAF_FAKES3_PORT\""));

    @BeforeAll
    static void fakes() throws IOException {
        shared = Files.createTempDirectory("pifpaf-contract-");
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        classpath = copyClassPath(shared.resolve("classpath"));
        writeFakes();
    }

    @AfterAll
    static void removeFakes() throws IOException {
        try (Stream<Path> files = Files.walk(shared)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Case c : CASES) {
            Identity.available().forEach(identity -> runs.add(Arguments.of(c, identity)));
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("runs")
    void theFakeKeepsItsContractAndAClientUsesItAndNothingIsLeft(Case c, Identity identity) throws Exception {
        for (String dir : List.of("/usr/local/bin", "/opt/homebrew/bin", "/opt/couchdb/bin")) {
            Assumptions.assumeFalse(Files.exists(Path.of(dir, c.run().get(0).equals("mongodb") ? "mongod" : c.run().get(0))),
                    "a real one in " + dir + " is found before the fake on PATH");
        }
        try (PrivateTmp tmp = new PrivateTmp()) {
            List<String> argv = new ArrayList<>(List.of("pifpaf", "run"));
            argv.addAll(c.run());
            argv.addAll(List.of("--", "bash", "-c", c.client()));
            var result = Launcher.run(identity, argv, Map.of("TMPDIR", tmp.path().toString(), "FAKE_CP", classpath,
                    "PATH", shared.resolve(c.fake()) + ":" + Launcher.PIFPAF.getParent() + ":" + System.getenv("PATH")));
            assertEquals(0, result.exit(), result.toString());
            assertEquals(List.of(), tmp.leftovers(), result.toString());
        }
    }

    @Test
    void listDriversShowsThemFoundOrHowToInstallThem() throws Exception {
        String pathWithout = Launcher.PIFPAF.getParent() + ":/usr/bin:/bin";
        var missing = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "list-drivers"), Map.of("PATH", pathWithout));
        assertEquals(0, missing.exit(), missing.toString());
        Map<String, String> hints = Map.of("vault", "'apt-get install vault' from HashiCorp's apt repository",
                "couchdb", "'brew install couchdb' or 'apt-get install couchdb' from Apache CouchDB's apt repository",
                "mongodb", "'apt-get install mongodb-org' from MongoDB's apt repository",
                "fakes3", "'gem install fakes3'");
        // The row names what is missing; below the table, one line says how to get it.
        Map<String, String> binaries = Map.of("vault", "vault", "couchdb", "couchdb", "mongodb", "mongod", "fakes3", "fakes3");
        hints.forEach((driver, hint) -> {
            String binary = binaries.get(driver);
            assertTrue(line(missing.stdout(), driver).contains("missing " + binary), missing.stdout());
            assertTrue(missing.stdout().lines().anyMatch(l -> l.startsWith("  " + binary + ": install it with ")
                    && l.contains(hint)), missing.stdout());
        });

        String pathWith = shared.resolve("vault") + ":" + shared.resolve("couchdb3/bin") + ":" + shared.resolve("mongod") + ":"
                + shared.resolve("fakes3") + ":" + pathWithout;
        var found = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "list-drivers"), Map.of("PATH", pathWith));
        for (String driver : hints.keySet()) {
            assertTrue(line(found.stdout(), driver).contains("available"), found.stdout());
        }
    }

    private static String line(String table, String driver) {
        return table.lines().filter(l -> l.startsWith(driver + " ")).findFirst().orElse("(no line for " + driver + ")");
    }

    /** Every entry of this JVM's class path, copied where the unprivileged user can read it. */
    private static String copyClassPath(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(":")) {
            Path source = Path.of(entry);
            Path target = dir.resolve(i++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, target.resolve(source.relativize(file).toString()));
                    }
                }
            } else if (Files.isRegularFile(source)) {
                Files.copy(source, target);
            } else {
                continue;
            }
            entries.add(target.toString());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(":", entries);
    }

    private static void writeFakes() throws IOException {
        FakeExecutable.named("vault").classpath(classpath)
                .on(Invocation.withArgs("server", "-dev", "-dev-root-token-id=${token:[0-9a-f-]{36}}",
                                "-dev-listen-address=127.0.0.1:${port:\\d+}")
                        .env("HOME", "${data}")
                        .servesHttp("${port}", Route.get("/v1/auth/token/lookup-self", 200, "{\"data\":{\"id\":\"${token}\"}}")
                                .withHeader("X-Vault-Token", "${token}"))
                        .prints("==> Vault server started! Log data will stream in below:"))
                .writeInto(shared.resolve("vault"));
        FakeExecutable.named("fakes3").classpath(classpath)
                .on(Invocation.withArgs("--root", "${data}/buckets", "--port", "${port:\\d+}", "--address", "127.0.0.1")
                        .servesHttp("${port}", Route.get("/", 200, "<ListAllMyBucketsResult/>"))
                        .prints("[2026-01-01 00:00:00] INFO  WEBrick::HTTPServer#start: pid=1 port=${port}"))
                .writeInto(shared.resolve("fakes3"));
        FakeExecutable.named("mongod").classpath(classpath)
                .on(Invocation.withArgs("--version").prints("db version v8.0.4").exits(0))
                .on(Invocation.withArgs("--quiet", "--noauth", "--port", "${port:\\d+}", "--dbpath", "${data}/db", "--bind_ip",
                                "127.0.0.1", "--unixSocketPrefix", "${data}")
                        .runsMain(FakeMongoWire.class.getName(), "${port}")
                        .prints("{\"msg\":\"Waiting for connections\",\"attr\":{\"port\":${port},\"ssl\":\"off\"}}"))
                .writeInto(shared.resolve("mongod"));
        ContractCouchdbFakes.write(shared, classpath);
    }
}
