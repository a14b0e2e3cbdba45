package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * Two processes provisioning the same artifact at the same time, into the same local
 * repository and directory of trees: both succeed, with one download and one tree. The
 * repository sends the artifact slowly, and the second process starts once the first is
 * downloading it, so that they surely overlap.
 */
class ConcurrentProvisioningTest {

    @Test
    void twoProcessesShareOneDownloadAndOneTree(@TempDir Path scratch) throws Exception {
        Path served = EmbeddedRedis.inUserRepository(scratch);
        try (MavenRepositoryServer repository = MavenRepositoryServer.serving(served)) {
            Path settings = repository.settings(scratch, scratch.resolve("repository"));
            Path trees = EmbeddedRedis.open(scratch.resolve("trees"));
            repository.slowDown(EmbeddedRedis.JAR, Duration.ofSeconds(8));
            List<Process> processes = new ArrayList<>();
            processes.add(provisionOnce(settings, trees));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (repository.downloads(EmbeddedRedis.JAR) == 0 && processes.get(0).isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, repository.downloads(EmbeddedRedis.JAR), "the first process is downloading");
            processes.add(provisionOnce(settings, trees));
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
            try (Stream<Path> entries = Files.list(trees)) {
                assertEquals(1, entries.filter(p -> Files.isDirectory(p.resolve("tree"))).count(), "one tree");
            }
        }
    }

    private static Process provisionOnce(Path settings, Path trees) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProvisionOnce.class.getName(),
                settings.toString(), trees.toString()).redirectErrorStream(true).start();
    }
}
