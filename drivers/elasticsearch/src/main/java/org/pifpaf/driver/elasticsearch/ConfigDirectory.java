package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A node's private configuration directory ({@code ES_PATH_CONF}, {@code OPENSEARCH_PATH_CONF})
 * in the data directory: a copy of what the distribution's own configuration directory lets us
 * read (so that synonym files, dictionaries and JVM settings that come with it still apply), its
 * JVM options rewritten ({@link JvmOptions}), its settings file written afresh. The
 * distribution's directory is only ever read: the node creates its keystore, and anything else
 * it writes, here.
 */
final class ConfigDirectory {

    /**
     * The console-only logging of a node whose distribution's {@code log4j2.properties} cannot be
     * read: the log file pifpaf keeps, and the line readiness waits for, come from standard output.
     */
    static final String FALLBACK_LOGGING = """
            # Written by pifpaf: the distribution's log4j2.properties could not be read.
            status = error
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n
            rootLogger.level = info
            rootLogger.appenderRef.console.ref = console
            """;

    private final Path dir;

    /** Creates {@code dir} (which must not exist yet). */
    ConfigDirectory(Path dir) throws IOException {
        this.dir = Files.createDirectory(dir);
    }

    Path path() {
        return dir;
    }

    /**
     * Copies the files of {@code source} that can be read, except those named in
     * {@code notCopied} at its top level. A file or directory that cannot be read is left out
     * (a vendor's package keeps its configuration from other users; the archives ship theirs
     * readable by owner and group only).
     *
     * @return what was left out because it could not be read
     */
    List<Path> copyReadable(Path source, Set<String> notCopied) throws IOException {
        List<Path> unreadable = new ArrayList<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path from, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(dir.resolve(source.relativize(from).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path from, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(from);
                if (relative.getNameCount() == 1 && notCopied.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.isRegularFile(from)) {
                    try {
                        Files.copy(from, dir.resolve(relative.toString()));
                    } catch (AccessDeniedException e) {
                        unreadable.add(from);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path from, IOException e) {
                // A directory we may not list.
                unreadable.add(from);
                return FileVisitResult.CONTINUE;
            }
        });
        return unreadable;
    }

    /**
     * Rewrites {@code jvm.options} and {@code jvm.options.d/*.options} with {@code options},
     * first writing {@link JvmOptions#FALLBACK} if the copy has no {@code jvm.options}.
     *
     * @return whether the fallback was written
     */
    boolean rewriteJvmOptions(JvmOptions options) throws IOException {
        Path main = dir.resolve("jvm.options");
        boolean fallback = !Files.exists(main);
        if (fallback) {
            Files.writeString(main, JvmOptions.FALLBACK);
        }
        List<Path> files = new ArrayList<>(List.of(main));
        Path more = dir.resolve("jvm.options.d");
        if (Files.isDirectory(more)) {
            try (Stream<Path> listed = Files.list(more)) {
                listed.filter(file -> file.getFileName().toString().endsWith(".options")).forEach(files::add);
            }
        }
        for (Path file : files) {
            Files.writeString(file, options.rewrite(Files.readString(file)));
        }
        return fallback;
    }

    /**
     * Writes {@link #FALLBACK_LOGGING} if the copy has no {@code log4j2.properties}.
     *
     * @return whether it did
     */
    boolean ensureLogging() throws IOException {
        Path logging = dir.resolve("log4j2.properties");
        if (Files.exists(logging)) {
            return false;
        }
        Files.writeString(logging, FALLBACK_LOGGING);
        return true;
    }

    /** Writes the settings file {@code name}: each setting a YAML key with a double-quoted value. */
    void writeSettings(String name, Map<String, String> settings) throws IOException {
        StringBuilder yaml = new StringBuilder("# Written by pifpaf for a throw-away node.\n");
        settings.forEach((key, value) -> yaml.append(key).append(": ").append(quoted(value)).append('\n'));
        Files.writeString(dir.resolve(name), yaml);
    }

    /** A YAML double-quoted scalar: backslashes and quotes escaped (paths may hold either). */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
