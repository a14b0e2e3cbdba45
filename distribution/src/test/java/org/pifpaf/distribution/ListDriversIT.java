package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code pifpaf list-drivers} and the launcher itself. */
class ListDriversIT {

    @Test
    void listsTheBuiltInDriversSortedWithStatus() throws Exception {
        Binaries.require("redis-server", "redis-server");
        var result = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers");
        assertEquals(0, result.exit(), result.toString());
        List<String> names = result.stdout().lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.containsAll(List.of("memcached", "postgresql", "redis")), names.toString());
        String redis = result.stdout().lines().filter(l -> l.startsWith("redis ")).findFirst().orElseThrow();
        assertTrue(redis.contains("available"), redis);
        assertTrue(redis.contains("drivers/redis.jar"), redis);
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
