package org.pifpaf.provision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Maven repository on 127.0.0.1 for the tests: it serves real artifacts from a directory laid
 * out as a repository (the user's local one: artifacts fetched from Maven Central before), counts
 * the requests for each file, can cut the next answer for a file in half, and can be closed,
 * after which its port refuses connections.
 */
final class TestRepository implements AutoCloseable {

    private final Path root;
    private final HttpServer server;
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    private final Set<String> truncateNext = ConcurrentHashMap.newKeySet();

    TestRepository(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The repository's URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** How many GETs the file whose path ends with {@code suffix} received. */
    int gets(String suffix) {
        return gets.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** The next GET of the file whose path ends with {@code suffix} gets half of it, as if the connection broke. */
    void truncateNext(String suffix) {
        truncateNext.add(suffix);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = root.resolve(path).normalize();
            if (path.endsWith("maven-metadata.xml") && !Files.exists(file)) {
                // A local repository keeps Central's metadata under the repository's id.
                file = file.resolveSibling("maven-metadata-central.xml");
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
            gets.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            boolean cut = truncateNext.removeIf(path::endsWith);
            int length = cut ? body.length / 2 : body.length;
            exchange.sendResponseHeaders(200, length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, length);
            }
        }
    }

    /** A settings.xml sending every repository to this one, with {@code localRepository} as the local repository. */
    Path settings(Path dir, Path localRepository) throws IOException {
        return writeSettings(dir, url(), localRepository);
    }

    /** A settings.xml whose mirror of every repository is {@code url}. */
    static Path writeSettings(Path dir, String url, Path localRepository) throws IOException {
        return Files.writeString(dir.resolve("settings.xml"), String.join("\n",
                "<settings>",
                "  <localRepository>" + localRepository + "</localRepository>",
                "  <mirrors><mirror><id>test-mirror</id><mirrorOf>*</mirrorOf><url>" + url + "</url></mirror></mirrors>",
                "</settings>", ""), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
