package org.pifpaf.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.provision.Provisioner;
import org.pifpaf.runtime.provision.spi.MavenSettings;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * The artifact the repository tests serve: embedded-redis 1.4.4 (Redis 6.2), a fixed version,
 * so no metadata is involved. Declared as the Redis driver declares it.
 */
final class EmbeddedRedis {

    static final String JAR = "embedded-redis-1.4.4.jar";
    static final Provision PROVISION = Provision.maven("com.github.codemonstur:embedded-redis")
            .platform("linux-amd64", "linux-amd64").platform("linux-arm64", "linux-arm64")
            .platform("darwin-amd64", "darwin-amd64").platform("darwin-arm64", "darwin-arm64")
            .artifactVersion("1.4.4", "6.2")
            .copyEntry("redis-server-*-{platform}", "bin/redis-server")
            .link("bin/redis-sentinel", "redis-server");

    private EmbeddedRedis() {
    }

    /**
     * The user's local repository (the default one, ~/.m2/repository, as pifpaf reads $HOME),
     * holding the artifact: fetched from Maven Central if it did not yet, its tree made in
     * {@code scratch/user-trees}.
     */
    static Path inUserRepository(Path scratch) throws IOException {
        Path trees = open(open(scratch).resolve("user-trees"));
        new Provisioner(trees, MavenSettings.userSettings()).provision(PROVISION, null, TransferProgress.NONE);
        return MavenSettings.defaultLocalRepository();
    }

    /** A directory that every user may enter (as root, daemons run as nobody from trees below it). */
    static Path open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
