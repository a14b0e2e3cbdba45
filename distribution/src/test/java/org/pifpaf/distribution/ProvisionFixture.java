package org.pifpaf.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.pifpaf.testkit.MavenRepositoryServer;

/**
 * What a command-line test of provisioned daemons runs with, as the current user: a repository
 * served from the user's local one (which a full build filled in pifpaf-provision's tests), and
 * a directory of its own holding the settings, the local repository and the trees (open to
 * everyone: as root, daemons run as nobody from the trees). Removed when closed.
 */
final class ProvisionFixture implements AutoCloseable {

    private final Path dir;
    private final MavenRepositoryServer repository;

    ProvisionFixture() throws IOException {
        dir = Files.createTempDirectory("pifpaf-provision-it-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        repository = MavenRepositoryServer.serving(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    MavenRepositoryServer repository() {
        return repository;
    }

    /** Where the trees are kept (made by pifpaf). */
    Path trees() {
        return dir.resolve("trees");
    }

    /** {@code tmp}'s environment, with the trees' directory and the settings of this repository. */
    Map<String, String> env(PrivateTmp tmp) throws IOException {
        return env(tmp, repository.url());
    }

    /** {@code tmp}'s environment, with the trees' directory and settings whose mirror of everything is {@code url}. */
    Map<String, String> env(PrivateTmp tmp, String url) throws IOException {
        Map<String, String> env = new HashMap<>(tmp.env());
        env.put("PIFPAF_PROVISION_DIR", trees().toString());
        env.put("PIFPAF_MAVEN_SETTINGS", MavenRepositoryServer.settings(dir, url, dir.resolve("repository")).toString());
        return env;
    }

    /** The URL of a repository that cannot be reached: a port nothing listens on any more. */
    static String closedRepository() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    @Override
    public void close() throws IOException {
        repository.close();
        removeAll(dir);
    }

    /** Removes {@code dir} and all it holds, read-only trees too (their directories made writable first). */
    static void removeAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
                Files.deleteIfExists(p);
            }
        }
    }
}
