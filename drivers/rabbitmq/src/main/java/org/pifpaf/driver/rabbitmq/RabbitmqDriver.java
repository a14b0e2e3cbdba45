package org.pifpaf.driver.rabbitmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Launch;
import org.pifpaf.api.Ready;

/**
 * Starts RabbitMQ: a private {@code epmd}, then one node, or three that form a cluster. Every
 * node listens on 127.0.0.1 only, with its own distribution port, and keeps its files in the
 * data directory. See the module documentation for options and variables.
 */
public final class RabbitmqDriver implements DaemonDriver {

    /** The scripts in /usr/lib/rabbitmq/bin run as the caller; Debian's /usr/sbin wrapper switches user. */
    private static final Binary SERVER = Binary.named("rabbitmq-server")
            .in("/usr/lib/rabbitmq/bin", "/usr/libexec/rabbitmq", "/opt/homebrew/opt/rabbitmq/sbin",
                    "/usr/local/opt/rabbitmq/sbin", "/usr/local/sbin")
            .debian("rabbitmq-server").brew("rabbitmq").versionFromRealPath();
    private static final Binary EPMD = Binary.named("epmd").debian("erlang-base").brew("erlang").noVersion();
    /** Logged once the listeners are up and the definitions (the user) are loaded. */
    static final String READY_LINE = "Server startup complete";
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public String description() {
        return "RabbitMQ broker, a single node or a three-node cluster";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 5682, "AMQP port (of the first node; the others take the next ones)"),
                DriverOption.string("nodename", "pifpaf",
                        "node name, before @localhost (-1, -2, -3 appended in a cluster)"),
                DriverOption.string("username", "pifpaf", "user created, an administrator"),
                DriverOption.string("password", null, "its password (default: a random one, in the URL)"),
                DriverOption.flag("cluster", "start a cluster of three nodes"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(SERVER, EPMD);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public void start(DriverContext ctx) throws IOException {
        String base = ctx.option("nodename");
        if (base == null || !NODE_NAME.matcher(base).matches()) {
            throw new DriverException("--nodename must be letters, digits, '-' or '_': " + base);
        }
        String username = ctx.option("username");
        // No well-known default: a throw-away broker still gets a password nobody can guess.
        String password = ctx.option("password") != null ? ctx.option("password") : randomPassword();
        if (username == null || username.isEmpty()) {
            throw new DriverException("--username must not be empty");
        }
        boolean cluster = ctx.booleanOption("cluster");
        List<String> nodes = new ArrayList<>();
        for (int i = 1; i <= (cluster ? 3 : 1); i++) {
            nodes.add(base + (cluster ? "-" + i : "") + "@localhost");
        }
        List<Integer> ports = amqpPorts(ctx, nodes.size());
        Path server = scriptOf(ctx.executable(SERVER));
        Path epmd = ctx.executable(EPMD);
        BrokerFiles files = new BrokerFiles(ctx.dataDir(), cluster ? nodes.get(0) : null);
        files.write(username, password);

        // Each daemon has its own epmd, stopped with it: node names never clash with another
        // daemon's, and no epmd is left behind (the one Erlang starts by itself would be).
        int epmdPort = ctx.freePort();
        ctx.launch(Command.of(epmd, "-port", Integer.toString(epmdPort), "-address", BrokerFiles.LOOPBACK)
                .label("epmd"), Ready.tcpPort(epmdPort));
        // All nodes boot together; the second and third wait, retrying, for the first to be up
        // and join it during their first boot (see BrokerFiles).
        List<Launch> launches = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Command node = Command.of(server).label(nodes.get(i));
            for (Map.Entry<String, String> variable
                    : files.nodeEnvironment(nodes.get(i), ports.get(i), ctx.freePort(), epmdPort).entrySet()) {
                node = node.env(variable.getKey(), variable.getValue());
            }
            launches.add(Launch.of(node, Ready.logLine(READY_LINE)));
        }
        ctx.launchAll(launches);
        if (cluster) {
            formCluster(ctx, server, files, nodes, epmdPort);
        }

        ctx.export("RABBITMQ_HOME", files.home().toString());
        ctx.export("RABBITMQ_EPMD_PORT", Integer.toString(epmdPort));
        ctx.export("RABBITMQ_PORT", Integer.toString(ports.get(0)));
        ctx.export("RABBITMQ_NODENAME", nodes.get(0));
        if (cluster) {
            for (int i = 0; i < nodes.size(); i++) {
                ctx.export("RABBITMQ_NODENAME" + (i + 1), nodes.get(i));
            }
        }
        String credentials = userinfo(username) + ":" + userinfo(password) + "@localhost:";
        ctx.url("rabbit://" + ports.stream().map(port -> credentials + port).collect(Collectors.joining(",")) + "//");
    }

    /**
     * Completes a cluster whose nodes have all booted. Fails unless the first node counts every
     * node as a running member (a node that gave up looking for the first one would have booted
     * as a cluster of its own, and logged the same readiness line; by now the count is final:
     * a short timeout). Then enables the feature flags and imports the definitions, which the
     * nodes left out while they booted together (see BrokerFiles).
     */
    private static void formCluster(DriverContext ctx, Path server, BrokerFiles files, List<String> nodes,
                                    int epmdPort) {
        Path rabbitmqctl = server.resolveSibling("rabbitmqctl");
        if (!Files.isExecutable(rabbitmqctl)) {
            throw new DriverException("rabbitmqctl not found next to " + server + "; a cluster needs it");
        }
        Command ctl = Command.of(rabbitmqctl, "-n", nodes.get(0))
                .env("HOME", files.home().toString()) // the cookie
                .env("ERL_EPMD_PORT", Integer.toString(epmdPort));
        try {
            ctx.run(ctl.args("await_online_nodes", Integer.toString(nodes.size()), "--timeout", "10")
                    .label("await-cluster"));
        } catch (DriverException e) {
            throw new DriverException("the nodes did not form one cluster of " + nodes.size() + ": "
                    + e.getMessage(), e);
        }
        ctx.run(ctl.args("enable_feature_flag", "all").label("enable-feature-flags"));
        ctx.run(ctl.args("import_definitions", files.importedOnceClustered().toString())
                .label("import-definitions"));
    }

    /** The given port and the next ones, or free ports when it is 0. */
    private static List<Integer> amqpPorts(DriverContext ctx, int count) {
        boolean pick = ctx.intOption("port") == 0;
        int first = ctx.port("port");
        if (!pick && first + count - 1 > 65535) {
            throw new DriverException("--port " + first + " leaves no room for " + count + " nodes");
        }
        List<Integer> ports = new ArrayList<>(List.of(first));
        for (int i = 1; i < count; i++) {
            ports.add(pick ? ctx.freePort() : first + i);
        }
        return ports;
    }

    /**
     * The script itself when {@code found} is Debian's {@code /usr/sbin} wrapper, which would run
     * the server as the rabbitmq user with the system's directories.
     */
    private static Path scriptOf(Path found) throws IOException {
        Path real = found.toRealPath();
        return real.getFileName().toString().equals("rabbitmq-script-wrapper")
                ? real.resolveSibling(SERVER.name()) : found;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, for a URL's user info. */
    static String userinfo(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
