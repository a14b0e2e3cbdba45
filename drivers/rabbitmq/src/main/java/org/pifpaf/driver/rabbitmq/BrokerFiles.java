package org.pifpaf.driver.rabbitmq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files every node of one daemon shares, all in the data directory: the Erlang cookie (in
 * the private {@code HOME}), the enabled-plugins file (none), the definitions that create the
 * user, and {@code rabbitmq.conf}, which loads them (a single node) or none (a cluster); in a
 * cluster also {@code joining.conf}, the same plus the seed node that the other nodes join; and
 * the environment that points a node at them.
 */
final class BrokerFiles {

    static final String LOOPBACK = "127.0.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dataDir;
    private final String seedNode;

    /**
     * @param seedNode the node the others join at their first boot, or {@code null} for a single
     *                 node
     */
    BrokerFiles(Path dataDir, String seedNode) {
        this.dataDir = dataDir;
        this.seedNode = seedNode;
    }

    Path home() {
        return dataDir;
    }

    private Path config() {
        return dataDir.resolve("rabbitmq.conf");
    }

    private Path joiningConfig() {
        return dataDir.resolve("joining.conf");
    }

    private Path enabledPlugins() {
        return dataDir.resolve("enabled_plugins");
    }

    private Path definitions() {
        return dataDir.resolve("definitions.json");
    }

    /** Writes every file. */
    void write(String username, String password) throws IOException {
        // Written before any node starts, so that every node (and rabbitmqctl) shares it. Erlang
        // refuses a cookie that others can read.
        writePrivate(home().resolve(".erlang.cookie"), randomCookie());
        Files.writeString(enabledPlugins(), "[].\n");
        writePrivate(definitions(), definitions(username, password));
        // Definitions to load replace the default guest user and / virtual host: a node seeds
        // them only when it has none. A cluster's nodes load none at boot (see
        // importedOnceClustered()).
        Path loaded = definitions();
        if (seedNode != null) {
            loaded = dataDir.resolve("no-definitions.json");
            Files.writeString(loaded, "{}\n");
        }
        String conf = "# A throw-away broker started by pifpaf.\n"
                + "load_definitions = " + loaded + "\n";
        // The seed has no peer discovery at all: it boots alone, and so never waits for the
        // cluster-formation lock that a joining node holds while it waits for the seed.
        Files.writeString(config(), conf);
        if (seedNode != null) {
            Files.writeString(joiningConfig(), conf + joining(seedNode));
        }
    }

    /**
     * The definitions (the user, the / virtual host and the user's permissions on it) that a
     * cluster's nodes do not load at boot, to be imported once all of them run. A node that
     * joins while the seed is still booting may pass the step that starts the existing virtual
     * hosts before the seed has created /; the seed then starts / only on nodes done booting,
     * and waits 45 s for it to run everywhere. Created once all nodes run, / runs on all.
     */
    Path importedOnceClustered() {
        return definitions();
    }

    /**
     * How a node whose database is empty joins {@code seed} during its first boot; later boots
     * find the cluster in their own database. All nodes boot together, so a joining node usually
     * looks for the seed before the seed is up: it retries every 200 ms rather than booting alone
     * after 10 tries 500 ms apart. Joining nodes take turns through a lock on the seed; the one
     * waiting for it asks again every 200 ms, not after 30 s. The limits (hours) are never
     * reached: the start-up timeout stops the nodes long before.
     */
    private static String joining(String seed) {
        return "cluster_formation.peer_discovery_backend = classic_config\n"
                + "cluster_formation.classic_config.nodes.1 = " + seed + "\n"
                + "cluster_formation.discovery_retry_interval = 200\n"
                + "cluster_formation.discovery_retry_limit = 100000\n"
                + "cluster_formation.internal_lock_retries = 1\n"
                + "cluster_formation.lock_retry_timeout = 200\n"
                + "cluster_formation.lock_retry_limit = 100000\n";
    }

    /**
     * Where one node keeps everything, and what it listens on. Set on the node's command only,
     * not exported: the user's own shell keeps its {@code HOME}.
     */
    Map<String, String> nodeEnvironment(String node, int port, int distributionPort, int epmdPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home().toString()); // where Erlang reads the cookie
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_USE_LONGNAME", "false");
        env.put("RABBITMQ_NODE_IP_ADDRESS", LOOPBACK);
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distributionPort));
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        env.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        env.put("ERL_EPMD_ADDRESS", LOOPBACK);
        env.put("RABBITMQ_MNESIA_BASE", dataDir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dataDir.resolve("log").toString());
        env.put("RABBITMQ_LOGS", "-"); // standard output, which the runtime writes to <node>.log
        env.put("RABBITMQ_LOG", "info"); // the readiness line is an info message
        env.put("RABBITMQ_PID_FILE", dataDir.resolve(node + ".pid").toString());
        boolean joins = seedNode != null && !seedNode.equals(node);
        env.put("RABBITMQ_CONFIG_FILE", (joins ? joiningConfig() : config()).toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", enabledPlugins().toString());
        // Files that do not exist, instead of the ones in /etc/rabbitmq.
        env.put("RABBITMQ_CONF_ENV_FILE", dataDir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dataDir.resolve("advanced.config").toString());
        env.put("RABBITMQ_CONFIG_FILES", dataDir.resolve("conf.d").toString());
        env.put("RABBITMQ_MOTD_FILE", dataDir.resolve("motd").toString());
        if (seedNode != null) {
            // A new seed enables every feature flag once its tables exist, changing the tables'
            // layout; a node joining right then fails its schema check. So a cluster's first
            // boot enables none, and the driver enables them all once every node runs.
            env.put("RABBITMQ_FEATURE_FLAGS", "");
        }
        return env;
    }

    /** The user, an administrator with every permission on the default virtual host. */
    static String definitions(String username, String password) {
        String user = json(username);
        return "{\n"
                + "  \"users\": [{\"name\": " + user + ", \"password_hash\": " + json(passwordHash(password))
                + ", \"hashing_algorithm\": \"rabbit_password_hashing_sha256\", \"tags\": \"administrator\"}],\n"
                + "  \"vhosts\": [{\"name\": \"/\"}],\n"
                + "  \"permissions\": [{\"user\": " + user
                + ", \"vhost\": \"/\", \"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}]\n"
                + "}\n";
    }

    /**
     * RabbitMQ's salted SHA-256 password hash: base64 of a 4-byte salt followed by
     * SHA-256(salt, UTF-8 password).
     */
    static String passwordHash(String password) {
        byte[] salt = new byte[4];
        RANDOM.nextBytes(salt);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            byte[] digest = sha256.digest(password.getBytes(StandardCharsets.UTF_8));
            byte[] salted = new byte[salt.length + digest.length];
            System.arraycopy(salt, 0, salted, 0, salt.length);
            System.arraycopy(digest, 0, salted, salt.length, digest.length);
            return Base64.getEncoder().encodeToString(salted);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** {@code text} as a JSON string literal. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String randomCookie() {
        StringBuilder cookie = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            cookie.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return cookie.toString();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        }
    }
}
