package org.pifpaf.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When a launched daemon counts as ready. Readiness is data: the runtime polls it every few
 * milliseconds, gives up at the start-up timeout, and fails fast when the process exits first.
 *
 * <pre>{@code
 * Ready.logLine("ready to accept connections")
 * Ready.allOf(Ready.tcpPort(port), Ready.unixSocket(dataDir.resolve("s.sock")))
 * }</pre>
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
        return new Http(URI.create(url), status);
    }

    /** {@code probe} runs and exits with status 0. */
    static Ready commandSucceeds(Command probe) {
        return new CommandSucceeds(probe);
    }

    /** Every one of {@code conditions} holds. */
    static Ready allOf(Ready... conditions) {
        return new AllOf(List.of(conditions));
    }

    /** See {@link Ready#logLine(String)}. @param pattern the pattern searched in each line */
    record LogLine(Pattern pattern) implements Ready {
        public LogLine {
            Objects.requireNonNull(pattern);
        }
    }

    /** See {@link Ready#tcpPort(int)}. @param port the loopback port */
    record TcpPort(int port) implements Ready {
    }

    /** See {@link Ready#unixSocket(Path)}. @param path the socket file */
    record UnixSocket(Path path) implements Ready {
        public UnixSocket {
            Objects.requireNonNull(path);
        }
    }

    /** See {@link Ready#http(String, int)}. @param uri the URL to get @param status the expected status */
    record Http(URI uri, int status) implements Ready {
        public Http {
            Objects.requireNonNull(uri);
        }
    }

    /** See {@link Ready#commandSucceeds(Command)}. @param probe the command to run */
    record CommandSucceeds(Command probe) implements Ready {
        public CommandSucceeds {
            Objects.requireNonNull(probe);
        }
    }

    /** See {@link Ready#allOf(Ready...)}. @param conditions all must hold */
    record AllOf(List<Ready> conditions) implements Ready {
        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }
}
