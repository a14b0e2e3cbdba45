package org.pifpaf.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a launched daemon counts as ready. Readiness is data: the runtime polls it every few
 * milliseconds, gives up at the start-up timeout, and fails fast when the process exits first.
 *
 * <pre>{@code
 * Ready.logLine("ready to accept connections")
 * Ready.allOf(Ready.tcpPort(port), Ready.unixSocket(dataDir.resolve("s.sock")))
 * }</pre>
 *
 * <p>Drivers build conditions with the static factories only; the nested classes, read by the
 * runtime, have no public constructors, so a condition can gain a field without breaking a
 * compiled driver.
 */
public sealed interface Ready {

    /** A line of the process's output (stdout or stderr) matches {@code regex} anywhere. */
    static Ready logLine(String regex) {
        return new LogLine(Pattern.compile(regex));
    }

    /** A TCP connection to {@code port} on the loopback interface succeeds. */
    static Ready tcpPort(int port) {
        return new TcpPort(port);
    }

    /** A unix domain socket at {@code path} accepts a connection. */
    static Ready unixSocket(Path path) {
        return new UnixSocket(path);
    }

    /** An HTTP GET of {@code url} answers with {@code status}. */
    static Ready http(String url, int status) {
        return new Http(URI.create(url), status, null);
    }

    /**
     * An HTTP GET of {@code url} answers with {@code status} and a body that contains
     * {@code text}: for a server that answers before it really serves.
     */
    static Ready httpContaining(String url, int status, String text) {
        return new Http(URI.create(url), status, Objects.requireNonNull(text, "text"));
    }

    /** {@code probe} runs and exits with status 0. */
    static Ready commandSucceeds(Command probe) {
        return new CommandSucceeds(probe);
    }

    /** Every one of {@code conditions} holds. */
    static Ready allOf(Ready... conditions) {
        return new AllOf(List.of(conditions));
    }

    /** See {@link Ready#logLine(String)}. */
    final class LogLine implements Ready {
        private final Pattern pattern;

        private LogLine(Pattern pattern) {
            this.pattern = Objects.requireNonNull(pattern);
        }

        /** The pattern searched in each line. */
        public Pattern pattern() {
            return pattern;
        }

        @Override
        public String toString() {
            return "a log line matching /" + pattern + "/";
        }
    }

    /** See {@link Ready#tcpPort(int)}. */
    final class TcpPort implements Ready {
        private final int port;

        private TcpPort(int port) {
            this.port = port;
        }

        /** The loopback port. */
        public int port() {
            return port;
        }

        @Override
        public String toString() {
            return "TCP port " + port;
        }
    }

    /** See {@link Ready#unixSocket(Path)}. */
    final class UnixSocket implements Ready {
        private final Path path;

        private UnixSocket(Path path) {
            this.path = Objects.requireNonNull(path);
        }

        /** The socket file. */
        public Path path() {
            return path;
        }

        @Override
        public String toString() {
            return "unix socket " + path;
        }
    }

    /** See {@link Ready#http(String, int)} and {@link Ready#httpContaining(String, int, String)}. */
    final class Http implements Ready {
        private final URI uri;
        private final int status;
        private final String bodyContaining;

        private Http(URI uri, int status, String bodyContaining) {
            this.uri = Objects.requireNonNull(uri);
            this.status = status;
            this.bodyContaining = bodyContaining;
        }

        /** The URL to get. */
        public URI uri() {
            return uri;
        }

        /** The expected status. */
        public int status() {
            return status;
        }

        /** The text the response's body must contain, if the body matters. */
        public Optional<String> bodyContaining() {
            return Optional.ofNullable(bodyContaining);
        }

        @Override
        public String toString() {
            return "HTTP " + status + (bodyContaining == null ? "" : " with '" + bodyContaining + "' in the body")
                    + " from " + uri;
        }
    }

    /** See {@link Ready#commandSucceeds(Command)}. */
    final class CommandSucceeds implements Ready {
        private final Command probe;

        private CommandSucceeds(Command probe) {
            this.probe = Objects.requireNonNull(probe);
        }

        /** The command to run. */
        public Command probe() {
            return probe;
        }

        @Override
        public String toString() {
            return "`" + probe + "` to succeed";
        }
    }

    /** See {@link Ready#allOf(Ready...)}. */
    final class AllOf implements Ready {
        private final List<Ready> conditions;

        private AllOf(List<Ready> conditions) {
            this.conditions = List.copyOf(conditions);
        }

        /** The conditions, all of which must hold. */
        public List<Ready> conditions() {
            return conditions;
        }

        @Override
        public String toString() {
            return String.join(" and ", conditions.stream().map(Ready::toString).toList());
        }
    }
}
