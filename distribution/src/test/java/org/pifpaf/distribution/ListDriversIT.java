package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code pifpaf list-drivers} and the launcher itself. */
class ListDriversIT {

    @Test
    void listsTheBuiltInDriversSortedWithStatus() throws Exception {
        Binaries.require("redis-server", "redis-server");
        var result = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers");
        assertEquals(0, result.exit(), result.toString());
        // The table's rows: after the header, up to the blank line before what is missing.
        List<String> names = result.stdout().lines().skip(1).takeWhile(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.containsAll(List.of("memcached", "postgresql", "redis")), names.toString());
        String redis = result.stdout().lines().filter(l -> l.startsWith("redis ")).findFirst().orElseThrow();
        assertTrue(redis.contains("available"), redis);
        assertTrue(redis.contains("drivers/redis.jar"), redis);
    }

    @Test
    void showsEachBundledDriversOwnVersion() throws Exception {
        String version = System.getProperty("pifpaf.version");
        var table = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers");
        assertEquals(0, table.exit(), table.toString());
        assertEquals(version, cell(table.stdout(), "redis", "DRIVER"));
        assertEquals(version, cell(table.stdout(), "kafka", "DRIVER"));
        var json = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers", "--output", "json");
        assertEquals(0, json.exit(), json.toString());
        for (JsonNode driver : new ObjectMapper().readTree(json.stdout())) {
            assertEquals(version, driver.path("driverVersion").asText(), driver.toString());
        }
    }

    /**
     * The cell of list-drivers' table in {@code driver}'s row and {@code column}: the word under
     * the column's heading (every cell before DESCRIPTION is one word, "-" when empty).
     */
    static String cell(String table, String driver, String column) {
        List<String> lines = table.lines().toList();
        int at = lines.get(0).indexOf(column);
        assertTrue(at >= 0, lines.get(0));
        String row = lines.stream().filter(l -> l.startsWith(driver + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + driver + " in\n" + table));
        return row.substring(at).split("\\s+")[0];
    }

    @Test
    void showsTheSearchEnginesVersionsOrHowToInstallThem() throws Exception {
        Binaries.require("elasticsearch", "elasticsearch (CI: Maven Central's integ-test-zip)");
        Binaries.require("opensearch", "opensearch (CI: Maven Central's integ-test-zip)");
        var found = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers");
        assertEquals(0, found.exit(), found.toString());
        assertTrue(found.stdout().lines().anyMatch(l -> l.matches("elasticsearch +available \\d+\\.\\d+\\.\\d+ .*")),
                found.stdout());
        assertTrue(found.stdout().lines().anyMatch(l -> l.matches("opensearch +available \\d+\\.\\d+\\.\\d+ .*")),
                found.stdout());
        // Neither on PATH nor named by ES_HOME / OPENSEARCH_HOME: the vendor's package, Homebrew, or an archive.
        var missing = Launcher.run(Identity.CURRENT_USER, List.of("env", "-u", "ES_HOME", "-u", "OPENSEARCH_HOME",
                "PATH=/usr/bin:/bin", Launcher.PIFPAF.toString(), "list-drivers"), java.util.Map.of());
        assertEquals(0, missing.exit(), missing.toString());
        if (!Files.isDirectory(Path.of("/usr/share/elasticsearch"))) {
            assertTrue(line(missing.stdout(), "elasticsearch").contains("missing elasticsearch "), missing.stdout());
            assertTrue(missing.stdout().contains("\n  elasticsearch: install it with 'apt-get install elasticsearch'"
                    + " or 'brew install elastic/tap/elasticsearch-full', or set ES_HOME to its directory\n"), missing.stdout());
        }
        if (!Files.isDirectory(Path.of("/usr/share/opensearch"))) {
            assertTrue(line(missing.stdout(), "opensearch").contains("missing opensearch "), missing.stdout());
            assertTrue(missing.stdout().contains("\n  opensearch: install it with 'apt-get install opensearch'"
                    + " or 'brew install opensearch', or set OPENSEARCH_HOME to its directory\n"), missing.stdout());
        }
    }

    @Test
    void saysWhereConsulAndValkeyReallyComeFrom() throws Exception {
        // Debian 12 has neither (Valkey only in bookworm-backports), nor Homebrew's core Consul.
        var missing = Launcher.run(Identity.CURRENT_USER, List.of("env", "PATH=/usr/bin:/bin",
                Launcher.PIFPAF.toString(), "list-drivers"), java.util.Map.of());
        assertEquals(0, missing.exit(), missing.toString());
        String valkey = line(missing.stdout(), "valkey");
        if (Files.exists(Path.of("/usr/bin/valkey-server"))) {
            assertTrue(valkey.contains("available"), valkey);
        } else {
            assertTrue(valkey.contains("missing valkey-server"), valkey);
            assertTrue(missing.stdout().contains("\n  valkey-server: install it with 'brew install valkey' or 'apt-get"
                    + " install valkey-server' (on Debian 12 from bookworm-backports: 'apt-get install -t bookworm-backports"
                    + " valkey-server')\n"), missing.stdout());
        }
        // The driver also looks in /usr/local/bin and /opt/homebrew/bin, where the release archive's goes.
        String consul = line(missing.stdout(), "consul");
        if (Stream.of("/usr/bin", "/usr/local/bin", "/opt/homebrew/bin").anyMatch(d -> Files.exists(Path.of(d, "consul")))) {
            assertTrue(consul.contains("available"), consul);
        } else {
            assertTrue(consul.contains("missing consul "), consul);
            assertTrue(missing.stdout().contains("\n  consul: install it with 'brew install hashicorp/tap/consul' or"
                    + " 'apt-get install consul' from HashiCorp's apt repository or Debian 11 (Debian 12 has none) or the"
                    + " binary of HashiCorp's release archive, on PATH\n"), missing.stdout());
        }
    }

    private static String line(String table, String driver) {
        return table.lines().filter(l -> l.startsWith(driver + " ")).findFirst().orElse("(no line for " + driver + ")");
    }

    @Test
    void listAliasAndJsonOutput() throws Exception {
        var result = Launcher.pifpaf(Identity.CURRENT_USER, "list", "--output", "json");
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.stdout().trim().startsWith("["), result.stdout());
        assertTrue(result.stdout().contains("\"name\" : \"memcached\""), result.stdout());
        assertTrue(result.stdout().contains("\"available\""), result.stdout());
    }

    @Test
    void yamlOutput() throws Exception {
        var result = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers", "-o", "yaml");
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.stdout().contains("- name: \"postgresql\"") || result.stdout().contains("- name: postgresql"),
                result.stdout());
    }

    @Test
    void theLauncherWorksThroughASymlinkFromAnyDirectory() throws Exception {
        Path dir = Files.createTempDirectory("pifpaf-link-");
        Path link = Files.createSymbolicLink(dir.resolve("pifpaf"), Launcher.PIFPAF);
        try {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("sh", "-c", "cd / && \"$0\" list-drivers", link.toString()),
                    java.util.Map.of());
            assertEquals(0, result.exit(), result.toString());
            assertTrue(result.stdout().contains("memcached"), result.stdout());
        } finally {
            Files.delete(link);
            Files.delete(dir);
        }
    }
}
