package org.pifpaf.driver.zookeeper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;

/**
 * Finds an installed ZooKeeper server and the class path that runs it, logging through SLF4J to
 * a backend configured from the data directory: Debian's {@code log4j} 1.2, or the
 * {@code logback} a release tarball ships.
 */
final class ZooKeeperClasspath {

    /** What a missing installation is reported as (the jar is no executable, so only for the message). */
    static final Binary SERVER_JAR = Binary.named("zookeeper.jar").noVersion().debian("zookeeper").brew("zookeeper");

    /** Debian and Ubuntu: the jar's manifest lists its dependencies, all in the same directory. */
    private static final Path DEBIAN_JARS = Path.of("/usr/share/java");
    /** The SLF4J binding Debian's package depends on; the server would log nothing without it. */
    private static final List<String> DEBIAN_LOGGING = List.of("slf4j-log4j12.jar", "log4j-1.2.jar");
    /** Release layouts: a {@code lib} directory holding {@code zookeeper-<version>.jar} and the rest. */
    private static final List<Path> LIB_DIRS = List.of(
            Path.of("/usr/share/zookeeper/lib"),
            Path.of("/opt/homebrew/opt/zookeeper/libexec/lib"),
            Path.of("/usr/local/opt/zookeeper/libexec/lib"));

    private ZooKeeperClasspath() {
    }

    /**
     * The class path, searching {@code $ZOOKEEPER_HOME/lib}, Debian's {@code /usr/share/java},
     * Homebrew's and {@code /usr/share/zookeeper}'s {@code lib}, then {@code /opt/*zookeeper*}{@code /lib}
     * (in reverse name order).
     *
     * @throws MissingBinaryException naming the package to install when none is found
     */
    static String find() {
        String home = System.getenv("ZOOKEEPER_HOME");
        if (home != null && !home.isBlank()) {
            Optional<String> fromHome = libDir(Path.of(home, "lib"));
            if (fromHome.isPresent()) {
                return fromHome.get();
            }
        }
        Path debianJar = DEBIAN_JARS.resolve("zookeeper.jar");
        if (Files.isRegularFile(debianJar)) {
            List<String> entries = new ArrayList<>(List.of(debianJar.toString()));
            DEBIAN_LOGGING.stream().map(DEBIAN_JARS::resolve).filter(Files::isRegularFile)
                    .forEach(jar -> entries.add(jar.toString()));
            return String.join(":", entries);
        }
        List<Path> dirs = new ArrayList<>(LIB_DIRS);
        dirs.addAll(optInstalls());
        return dirs.stream().map(ZooKeeperClasspath::libDir).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new MissingBinaryException(SERVER_JAR));
    }

    /** {@code dir/*} if {@code dir} holds a {@code zookeeper-<version>.jar}. */
    private static Optional<String> libDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "zookeeper-[0-9]*.jar")) {
            return jars.iterator().hasNext() ? Optional.of(dir + "/*") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The {@code lib} directories of {@code /opt/zookeeper}, {@code /opt/apache-zookeeper-3.8.4-bin} and the like. */
    private static List<Path> optInstalls() {
        try (Stream<Path> entries = Files.list(Path.of("/opt"))) {
            return entries.filter(p -> p.getFileName().toString().contains("zookeeper"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .map(p -> p.resolve("lib"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
