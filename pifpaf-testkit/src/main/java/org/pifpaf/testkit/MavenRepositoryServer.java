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
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A Maven repository on 127.0.0.1 for tests of provisioned daemons: it serves real artifacts
 * from a directory laid out as a repository (typically the user's local one, holding artifacts
 * fetched from Maven Central before), so that a test fetches over HTTP as a user would, without
 * reaching Central. It counts the downloads of each file, can cut the next answer for a file in
 * half (a connection that broke), spread a file's answers over some time (a slow network), ask
 * for credentials (HTTP basic authentication), answer as an HTTP proxy would (requests naming
 * another host, counted), and once closed its port refuses connections (a repository that cannot
 * be reached).
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
    private final Map<String, Duration> slow = new ConcurrentHashMap<>();
    private final AtomicInteger proxied = new AtomicInteger();
    private volatile String credentials;

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
     * Every download of a file whose path ends with {@code suffix} takes about {@code duration},
     * its bytes sent in steady pieces: two processes fetching it surely overlap, and a progress
     * bar has time to show.
     */
    public void slowDown(String suffix, Duration duration) {
        slow.put(suffix, duration);
    }

    /** From now on, every request must carry these credentials (HTTP basic authentication), else gets 401. */
    public void requireCredentials(String username, String password) {
        credentials = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** How many requests came as a proxy gets them: naming the host they are for (an absolute URI). */
    public int proxiedRequests() {
        return proxied.get();
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
        return settings(dir, url, localRepository, "");
    }

    /**
     * Writes {@code dir/settings.xml} as {@link #settings(Path, String, Path)} does, with
     * {@code more} inside {@code <settings>}: {@code <servers>} with the credentials of the
     * mirror (its id is {@code test-mirror}), {@code <proxies>}...; returns its path.
     */
    public static Path settings(Path dir, String url, Path localRepository, String more) throws IOException {
        return Files.writeString(dir.resolve("settings.xml"), String.join("\n",
                "<settings>",
                "  <localRepository>" + localRepository + "</localRepository>",
                "  <mirrors><mirror><id>test-mirror</id><mirrorOf>*</mirrorOf><url>" + url + "</url></mirror></mirrors>",
                "  " + more,
                "</settings>", ""), StandardCharsets.UTF_8);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().isAbsolute()) {
                proxied.incrementAndGet();
            }
            String expected = credentials;
            if (expected != null && !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test repository\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
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
                Duration duration = slow.entrySet().stream().filter(e -> path.endsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(Duration.ZERO);
                send(out, body, length, duration);
            }
        }
    }

    /** Writes {@code length} bytes of {@code body} in 50 pieces spread over {@code duration}. */
    private static void send(OutputStream out, byte[] body, int length, Duration duration) throws IOException {
        int pieces = duration.isZero() ? 1 : 50;
        int piece = Math.max(1, (length + pieces - 1) / pieces);
        for (int offset = 0; offset < length; offset += piece) {
            out.write(body, offset, Math.min(piece, length - offset));
            out.flush();
            LockSupport.parkNanos(duration.toNanos() / pieces);
        }
    }

    /** Stops serving: the port refuses connections from now on. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
