package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * Two processes provisioning the same artifact at the same time, into the same local
 * repository and directory of trees: both succeed, with one download and one tree.
 */
class ConcurrentProvisioningTest {

    @Test
    void twoProcessesShareOneDownloadAndOneTree(@TempDir Path scratch) throws Exception {
        EmbeddedRedis.open(scratch);
        Path served = EmbeddedRedis.inUserRepository(EmbeddedRedis.open(scratch.resolve("warm")));
        try (MavenRepositoryServer repository = MavenRepositoryServer.serving(served)) {
            Path settings = repository.settings(scratch, scratch.resolve("repository"));
            Path trees = EmbeddedRedis.open(scratch.resolve("trees"));
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), ProvisionOnce.class.getName(),
                        settings.toString(), trees.toString()).redirectErrorStream(true).start());
            }
            List<String> outputs = new ArrayList<>();
            for (Process process : processes) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(5, TimeUnit.MINUTES));
                assertEquals(0, process.exitValue(), output);
                outputs.add(output.strip().lines().reduce((a, b) -> b).orElse(""));
            }
            assertEquals(outputs.get(0), outputs.get(1), "one tree for both");
            assertTrue(Files.isExecutable(Path.of(outputs.get(0)).resolve("bin/redis-server")), outputs.get(0));
            assertEquals(1, repository.downloads(EmbeddedRedis.JAR), "one download");
        }
    }
}
