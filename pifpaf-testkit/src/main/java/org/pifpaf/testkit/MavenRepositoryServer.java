package org.pifpaf.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Maven repository on 127.0.0.1 for tests of provisioned daemons: it serves real artifacts
 * from a directory laid out as a repository (typically the user's local one, holding artifacts
 * fetched from Maven Central before), so that a test fetches over HTTP as a user would, without
 * reaching Central. It counts the downloads of each file, can cut the next answer for a file in
 * half (a connection that broke), and once closed its port refuses connections (a repository
 * that cannot be reached).
 *
 * <pre>{@code
 * try (MavenRepositoryServer repository = MavenRepositoryServer.serving(Path.of(home, ".m2/repository"))) {
 *     Path settings = repository.settings(dir, dir.resolve("local-repository"));   // PIFPAF_MAVEN_SETTINGS
 *     ...
 *     assertEquals(1, repository.downloads("embedded-redis-1.4.4.jar"));
 * }
 * }</pre>
 */
public final class MavenRepositoryServer implements AutoCloseable {

    private final Path root;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
    private final Set<String> truncateNext = ConcurrentHashMap.newKeySet();

    private MavenRepositoryServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** Serves the repository laid out in {@code root}, on a free port of 127.0.0.1. */
    public static MavenRepositoryServer serving(Path root) {
        try {
            return new MavenRepositoryServer(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's URL, ending with {@code /}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** How many times the files whose path ends with {@code suffix} were downloaded (GET). */
    public int downloads(String suffix) {
        return downloads.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** The next download of the file whose path ends with {@code suffix} gets half of it, as if the connection broke. */
    public void truncateNext(String suffix) {
        truncateNext.add(suffix);
    }

    /**
     * Writes {@code dir/settings.xml}, in which this repository mirrors every other and
     * {@code localRepository} is the local repository; returns its path.
     */
    public Path settings(Path dir, Path localRepository) throws IOException {
        return settings(dir, url(), localRepository);
    }

    /** Writes {@code dir/settings.xml}, in which {@code url} mirrors every repository; returns its path. */
    public static Path settings(Path dir, String url, Path localRepository) throws IOException {
        return Files.writeString(dir.resolve("settings.xml"), String.join("\n",
                "<settings>",
                "  <localRepository>" + localRepository + "</localRepository>",
                "  <mirrors><mirror><id>test-mirror</id><mirrorOf>*</mirrorOf><url>" + url + "</url></mirror></mirrors>",
                "</settings>", ""), StandardCharsets.UTF_8);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = root.resolve(path).normalize();
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            if (name.startsWith("maven-metadata.xml") && !Files.exists(file)) {
                // A local repository keeps Central's metadata (and its checksums) under the repository's id.
                file = file.resolveSibling(name.replace("maven-metadata.xml", "maven-metadata-central.xml"));
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            downloads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            boolean cut = truncateNext.removeIf(path::endsWith);
            int length = cut ? body.length / 2 : body.length;
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, length);
            }
        }
    }

    /** Stops serving: the port refuses connections from now on. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
