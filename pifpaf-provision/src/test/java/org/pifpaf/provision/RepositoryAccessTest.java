package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.runtime.provision.Provisioner;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * What settings.xml says about reaching a repository, as a corporate repository manager needs
 * it: the credentials of {@code <servers>} (the mirror's id), and {@code <proxies>}.
 */
class RepositoryAccessTest {

    private static Path served;
    @TempDir
    Path scratch;
    private MavenRepositoryServer repository;

    @BeforeAll
    static void artifactIsInTheUserRepository(@TempDir Path dir) throws IOException {
        served = EmbeddedRedis.inUserRepository(dir);
    }

    @BeforeEach
    void repositoryAskingForCredentials() throws IOException {
        EmbeddedRedis.open(scratch);
        repository = MavenRepositoryServer.serving(served);
        repository.requireCredentials("pifpaf", "s3cret");
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    @Test
    void theMirrorsCredentialsInServersAreUsed() throws IOException {
        Path tree = provision(repository.url(), server("s3cret"));
        assertTrue(Files.isExecutable(tree.resolve("bin/redis-server")), tree.toString());
        assertEquals(1, repository.downloads(EmbeddedRedis.JAR));
    }

    @Test
    void aWrongPasswordFailsNamingTheArtifactTheRepositoryAndWhy() {
        ProvisionFailedException failure = assertThrows(ProvisionFailedException.class,
                () -> provision(repository.url(), server("wrong")));
        String message = failure.getMessage();
        assertTrue(message.startsWith("cannot fetch com.github.codemonstur:embedded-redis:1.4.4"), message);
        assertTrue(message.contains("test-mirror (" + repository.url() + ")"), message);
        assertTrue(message.contains("401") || message.contains("Unauthorized"), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals(0, repository.downloads(EmbeddedRedis.JAR));
    }

    @Test
    void theProxyOfProxiesIsAskedForTheRepositorysFiles() throws IOException {
        // The mirror's host does not exist: only through the proxy (this same server) is it reached.
        String proxy = "<proxies><proxy><id>test-proxy</id><active>true</active><protocol>http</protocol>"
                + "<host>127.0.0.1</host><port>" + repository.url().replaceAll(".*:([0-9]+)/", "$1") + "</port>"
                + "</proxy></proxies>";
        Path tree = provision("http://repository.invalid/", server("s3cret") + proxy);
        assertTrue(Files.isExecutable(tree.resolve("bin/redis-server")), tree.toString());
        assertTrue(repository.proxiedRequests() > 0, "asked through the proxy");
        assertEquals(1, repository.downloads(EmbeddedRedis.JAR));
    }

    private Path provision(String url, String more) throws IOException {
        Path settings = MavenRepositoryServer.settings(scratch, url, scratch.resolve("repository"), more);
        Provisioner provisioner = new Provisioner(EmbeddedRedis.open(scratch.resolve("trees")), settings);
        return provisioner.provision(EmbeddedRedis.PROVISION, null, TransferProgress.NONE).tree();
    }

    private static String server(String password) {
        return "<servers><server><id>test-mirror</id><username>pifpaf</username><password>" + password
                + "</password></server></servers>";
    }
}
