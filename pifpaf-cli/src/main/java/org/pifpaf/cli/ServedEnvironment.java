package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pifpaf.cli.server.Request;
import org.pifpaf.runtime.Environment;

/**
 * Whether the pifpaf server can start a client's daemon as the JVM the client would otherwise
 * start would. Each start takes the client's environment ({@code StartRequest}'s), but a few
 * things belong to the server's process and cannot follow the client: what the JVM was started
 * with ({@code PIFPAF_JAVA_OPTS}), the drivers it loaded ({@code PIFPAF_DRIVERS_PATH}), variables
 * a driver reads from its own process (Elasticsearch's {@code ES_JAVA_HOME}), its working
 * directory (against which a relative path would be read), its user and its umask (which the
 * daemons inherit). A client that differs in any of these is sent to the JVM.
 */
final class ServedEnvironment {

    /** Read by the server's process itself: the client's must be the server's. */
    private static final List<String> SAME_AS_SERVER = List.of("PIFPAF_JAVA_OPTS", "PIFPAF_DRIVERS_PATH",
            "ES_JAVA_HOME", "OPENSEARCH_JAVA_HOME");
    /** Paths a start reads (besides {@code *_HOME} and {@code PATH}): a relative one would be the server's. */
    private static final List<String> PATHS = List.of("TMPDIR", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
            "XDG_RUNTIME_DIR", "PIFPAF_CONFIG", "PIFPAF_CACHE_DIR", "PIFPAF_PROVISION_DIR", "PIFPAF_MAVEN_SETTINGS");

    private final Environment server;
    private final Optional<String> serverUmask;
    private final Optional<String> serverUid;

    /** @param server the server's own environment */
    ServedEnvironment(Environment server, Optional<String> serverUmask, Optional<String> serverUid) {
        this.server = server;
        this.serverUmask = serverUmask;
        this.serverUid = serverUid;
    }

    /** Why {@code request} cannot be served as the JVM would serve it, or empty when it can. */
    Optional<String> refusal(Request request, Optional<String> clientUmask, Optional<String> clientUid) {
        Environment client = request.environment();
        for (String variable : SAME_AS_SERVER) {
            if (!Objects.equals(client.get(variable), server.get(variable))) {
                return Optional.of(variable + " differs from the server's");
            }
        }
        for (Map.Entry<String, String> variable : client.asMap().entrySet()) {
            String name = variable.getKey();
            if ((PATHS.contains(name) || name.endsWith("_HOME")) && !variable.getValue().isEmpty()
                    && !isAbsolute(variable.getValue())) {
                return Optional.of(name + " is a relative path");
            }
        }
        String path = client.get("PATH");
        if (path != null) {
            for (String dir : path.split(":", -1)) {
                if (!isAbsolute(dir)) {
                    return Optional.of("PATH holds the relative directory '" + dir + "'");
                }
            }
        }
        if (!request.workingDirectory().isAbsolute()) {
            return Optional.of("no working directory");
        }
        if (clientUid.isEmpty() || !clientUid.equals(serverUid)) {
            return Optional.of("another user");
        }
        if (clientUmask.isEmpty() || !clientUmask.equals(serverUmask)) {
            return Optional.of("umask " + clientUmask.orElse("?") + " is not the server's " + serverUmask.orElse("?"));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code value}, a driver option's, may be a path relative to the working directory,
     * which the server would read against its own: one with a slash that is neither absolute nor
     * a URL, or one naming a file in {@code workingDirectory}.
     */
    static boolean mayBeRelativePath(String value, Path workingDirectory) {
        if (value.isEmpty() || value.startsWith("/") || value.contains("://")) {
            return false;
        }
        if (value.contains("/") || value.startsWith(".") || value.startsWith("~")) {
            return true;
        }
        try {
            return java.nio.file.Files.exists(workingDirectory.resolve(value));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }
}
