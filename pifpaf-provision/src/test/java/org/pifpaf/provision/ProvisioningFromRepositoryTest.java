package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.provision.Provisioner;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import redis.clients.jedis.Jedis;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * Provisioning against a repository that the test controls (real artifacts, served from the
 * user's local repository): unreachable, cut short, damaged locally, offline afterwards. Each
 * test has its own settings.xml (a mirror of everything pointing at the test repository), its
 * own local repository and its own directory of trees.
 */
class ProvisioningFromRepositoryTest {

    private static Path served;
    @TempDir
    Path scratch;
    private MavenRepositoryServer repository;
    private Path localRepository;
    private Path trees;
    private Path tmp;

    @BeforeAll
    static void artifactIsInTheUserRepository(@TempDir Path dir) throws IOException {
        served = EmbeddedRedis.inUserRepository(dir);
    }

    @BeforeEach
    void privateRepositoryAndTrees() throws IOException {
        EmbeddedRedis.open(scratch);
        repository = MavenRepositoryServer.serving(served);
        localRepository = scratch.resolve("repository");
        trees = EmbeddedRedis.open(scratch.resolve("trees"));
        tmp = EmbeddedRedis.open(scratch.resolve("tmp"));
        System.setProperty("pifpaf.maven.settings", repository.settings(scratch, localRepository).toString());
    }

    @AfterEach
    void closeRepository() {
        repository.close();
        System.clearProperty("pifpaf.maven.settings");
    }

    @Test
    void unreachableRepositoryFailsNamingArtifactAndRepositoryAndLeavesNothing() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort() + "/";
        System.setProperty("pifpaf.maven.settings",
                MavenRepositoryServer.settings(scratch, closed, localRepository).toString());
        StartFailedException failure = assertThrows(StartFailedException.class, this::startRedis);
        assertEquals(StartFailedException.Reason.PROVISION_FAILED, failure.reason(), failure.getMessage());
        assertTrue(failure.getMessage().contains("com.github.codemonstur:embedded-redis:1.4.4"), failure.getMessage());
        assertTrue(failure.getMessage().contains(closed), failure.getMessage());
        assertEquals(List.of(), list(tmp), "no data directory left");
        assertEquals(List.of(), list(trees).stream().filter(p -> !p.endsWith("resolutions")).toList(), "no tree");
        assertTrue(Files.notExists(localRepository.resolve("com/github/codemonstur/embedded-redis/1.4.4")
                .resolve(EmbeddedRedis.JAR)), "no partial download");
    }

    @Test
    void afterOneFetchTheSameStartWorksOffline() throws IOException {
        pingRedis();
        repository.close();
        pingRedis();
        assertEquals(1, repository.downloads(EmbeddedRedis.JAR));
    }

    @Test
    void aDownloadCutShortIsDetectedAndFetchedAgain() throws IOException {
        repository.truncateNext(EmbeddedRedis.JAR);
        pingRedis();
        assertEquals(2, repository.downloads(EmbeddedRedis.JAR));
    }

    @Test
    void aTruncatedArchiveInTheLocalRepositoryIsReplaced() throws IOException {
        pingRedis();
        Path jar = localRepository.resolve("com/github/codemonstur/embedded-redis/1.4.4").resolve(EmbeddedRedis.JAR);
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 3);
        }
        trees = EmbeddedRedis.open(scratch.resolve("trees-2")); // no tree yet: the archive must be read again
        pingRedis();
        assertEquals(2, repository.downloads(EmbeddedRedis.JAR));
    }

    @Test
    void fetchMakesADamagedTreeAgain() throws IOException {
        Provisioner provisioner = new Provisioner(trees, Path.of(System.getProperty("pifpaf.maven.settings")));
        Path server = provisioner.provision(EmbeddedRedis.PROVISION, null, TransferProgress.NONE).tree()
                .resolve("bin/redis-server");
        long size = Files.size(server);
        // Damaged behind pifpaf's back (the tree is read-only, but its owner may change that).
        Files.setPosixFilePermissions(server, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FileChannel channel = FileChannel.open(server, StandardOpenOption.WRITE)) {
            channel.truncate(10);
        }
        Path again = provisioner.fetch(EmbeddedRedis.PROVISION, null, TransferProgress.NONE).tree()
                .resolve("bin/redis-server");
        assertEquals(size, Files.size(again));
        assertEquals(1, repository.downloads(EmbeddedRedis.JAR), "made again from the local repository");
        pingRedis();
    }

    private void pingRedis() {
        try (Daemon redis = startRedis(); Jedis client = new Jedis("127.0.0.1", redis.port())) {
            assertEquals("PONG", client.ping());
            assertTrue(client.info("server").contains("redis_version:6.2."), "Redis 6.2 from embedded-redis");
        }
    }

    private Daemon startRedis() {
        return Pifpaf.daemon("redis@6.2").provisioning(ProvisionMode.PROVISIONED).provisionDir(trees).tmpDir(tmp)
                .start();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList();
        }
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
