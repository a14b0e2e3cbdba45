package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts a one-node cluster of the Elasticsearch family (Elasticsearch, or its fork OpenSearch,
 * whose start script, configuration files and settings are Elasticsearch's under other names)
 * on 127.0.0.1, through the distribution's own start script, with a private configuration
 * directory in the data directory. A {@link Flavour} names what differs. See the module
 * documentation for options and variables.
 */
abstract class ElasticsearchFamilyDriver implements DaemonDriver {

    /**
     * What tells one member of the family from another.
     *
     * @param name           the driver's name, the start script's, the settings file's
     *                       ({@code <name>.yml}) and the variables' stem
     * @param product        the product's name, in descriptions and help
     * @param scheme         the URL scheme
     * @param scriptPrefix   the prefix of the start script's variables ({@code ES} for
     *                       {@code ES_PATH_CONF}, {@code ES_JAVA_OPTS}, ...)
     * @param distribution   where an installation is found
     * @param whenInstalled  settings for optional parts of a distribution, by their directory
     *                       under the installation: they fail a node that lacks the part, and
     *                       change a throw-away node's behaviour where it has it
     */
    record Flavour(String name, String product, String scheme, String scriptPrefix, JavaDistribution distribution,
                   Map<String, Map<String, String>> whenInstalled) {
    }

    /** Heap sizes as the JVM writes them: a number and a unit. */
    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[mMgG]");

    private final Flavour flavour;
    private final String stem;

    ElasticsearchFamilyDriver(Flavour flavour) {
        this.flavour = flavour;
        this.stem = flavour.name().toUpperCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return flavour.name();
    }

    @Override
    public String description() {
        return flavour.product() + " node, a cluster of its own";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 9200, "HTTP port (the transport port is a free one)"),
                DriverOption.string("heap-size", "512m", "JVM heap, -Xms and -Xmx (e.g. 256m, 1g)"));
    }

    @Override
    public List<JavaDistribution> distributions() {
        return List.of(flavour.distribution());
    }

    @Override
    public Duration startupTimeout() {
        // 8-13 s measured on a two-core machine with a load average of 15: room for worse.
        return Duration.ofSeconds(90);
    }

    @Override
    public void start(DriverContext ctx) throws IOException {
        int port = ctx.port("port");
        String heap = heapSize(ctx.option("heap-size"));
        Path data = usableDataDir(ctx.dataDir());

        Path home = ctx.distribution(flavour.distribution()).libDir().getParent();
        Path script = home.resolve("bin").resolve(flavour.name());
        if (!Files.isExecutable(script)) {
            throw new DriverException(flavour.product() + "'s start script " + script + " is missing or not executable");
        }
        Map<String, String> java = javaEnvironment(ctx, home);

        Path logs = Files.createDirectory(data.resolve("logs"));
        Path tmp = Files.createDirectory(data.resolve("tmp"));
        ConfigDirectory config = privateConfig(ctx, home, data.resolve("config"), new JvmOptions(logs, tmp));
        config.writeSettings(flavour.name() + ".yml", settings(ctx, home, port, data, logs));

        String prefix = flavour.scriptPrefix();
        Command node = Command.of(script)
                .env(prefix + "_HOME", home.toString())
                .env(prefix + "_PATH_CONF", config.path().toString())
                .env(prefix + "_TMPDIR", tmp.toString())
                .env(prefix + "_JAVA_OPTS", jvmOptions(heap))
                // Both refuse to run as root.
                .asUnprivilegedUser()
                // The data is thrown away: the orderly shutdown only costs time.
                .stopSignal(Signal.KILL)
                .label(flavour.name());
        for (Map.Entry<String, String> variable : java.entrySet()) {
            node = node.env(variable.getKey(), variable.getValue());
        }
        // The node is started (cluster formed, HTTP bound) when it says so; GET / then answers.
        ctx.launch(node, Ready.allOf(Ready.logLine("\\] started\\b"),
                Ready.http("http://127.0.0.1:" + port + "/", 200)));

        ctx.export(stem + "_PORT", Integer.toString(port));
        ctx.export(stem + "_HTTP_URL", "http://127.0.0.1:" + port);
        ctx.url(flavour.scheme() + "://localhost:" + port);
    }

    /**
     * The node's settings: a cluster of its own (a name no other node has, single-node
     * discovery), every listener on 127.0.0.1, the transport port a free one rather than 9300,
     * its data and logs in the data directory, and no disk thresholds (on a nearly full disk
     * they would make every index read-only, which a throw-away node has no use for).
     */
    private Map<String, String> settings(DriverContext ctx, Path home, int port, Path data, Path logs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "pifpaf-" + flavour.name() + "-"
                + Long.toString(new SplittableRandom().nextLong(Long.MAX_VALUE), 36));
        settings.put("node.name", "pifpaf");
        settings.put("discovery.type", "single-node");
        // Loopback only: the bootstrap checks (vm.max_map_count, file descriptors, ...) then
        // stay warnings, as for any development node.
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(port));
        settings.put("transport.port", Integer.toString(ctx.freePort()));
        settings.put("path.data", data.resolve("data").toString());
        settings.put("path.logs", logs.toString());
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        flavour.whenInstalled().forEach((part, partSettings) -> {
            if (Files.isDirectory(home.resolve(part))) {
                settings.putAll(partSettings);
            }
        });
        return settings;
    }

    /**
     * The JVM options added after the distribution's: the heap; C1 only (half the CPU time of a
     * start, and no slower for a test's few thousand documents); no pre-touched heap (the whole
     * heap resident from the first second, for nothing); no {@code /tmp/hsperfdata_<user>} file,
     * which a node stopped with SIGKILL would leave behind.
     */
    private static String jvmOptions(String heap) {
        return String.join(" ", "-Xms" + heap, "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:-AlwaysPreTouch",
                "-XX:-UsePerfData");
    }

    /**
     * The Java the start script runs: its own bundled one if it has one; else the one named by
     * {@code <prefix>_JAVA_HOME} if set, as the script would; else the one pifpaf runs daemons on
     * ({@code $JAVA_HOME}, else {@code java} on {@code PATH}): the integration-test archives
     * bundle none, and their scripts do not look at {@code PATH}.
     *
     * @return the variables that name it to the script; none when it finds its Java itself
     */
    private Map<String, String> javaEnvironment(DriverContext ctx, Path home) throws IOException {
        String variable = flavour.scriptPrefix() + "_JAVA_HOME";
        if (bundlesJava(home) || System.getenv(variable) != null) {
            return Map.of();
        }
        String javaHome = ctx.executable(Binary.java()).toRealPath().getParent().getParent().toString();
        return Map.of("JAVA_HOME", javaHome, variable, javaHome);
    }

    private static boolean bundlesJava(Path home) {
        return Stream.of("jdk/bin/java", "jre/bin/java", "jdk.app/Contents/Home/bin/java")
                .anyMatch(java -> Files.isExecutable(home.resolve(java)));
    }

    /**
     * The node's configuration directory, from the distribution's (an archive's {@code config/},
     * else a package's {@code /etc/<name>}), its JVM options rewritten, with pifpaf's own
     * {@code jvm.options} and {@code log4j2.properties} where the distribution's cannot be read.
     */
    private ConfigDirectory privateConfig(DriverContext ctx, Path home, Path dir, JvmOptions jvmOptions)
            throws IOException {
        ConfigDirectory config = new ConfigDirectory(dir);
        Optional<Path> source = distributionConfig(home);
        if (source.isPresent()) {
            copyConfig(ctx, source.get(), config);
        }
        if (config.rewriteJvmOptions(jvmOptions)) {
            ctx.log().log(System.Logger.Level.INFO, "no readable jvm.options; pifpaf wrote its own");
        }
        if (config.ensureLogging()) {
            ctx.log().log(System.Logger.Level.INFO, "no readable log4j2.properties; pifpaf wrote its own");
        }
        return config;
    }

    /** The distribution's configuration: an archive's {@code config/}, else a package's {@code /etc/<name>}. */
    private Optional<Path> distributionConfig(Path home) {
        return Stream.of(home.resolve("config"), Path.of("/etc", flavour.name())).filter(Files::isDirectory).findFirst();
    }

    /**
     * Copies the distribution's configuration, but not its settings file (which points a node at
     * the machine's own directories) nor its keystore (the machine's secrets; a node creates an
     * empty one).
     */
    private void copyConfig(DriverContext ctx, Path source, ConfigDirectory config) throws IOException {
        for (Path left : config.copyReadable(source, Set.of(flavour.name() + ".yml", flavour.name() + ".keystore"))) {
            ctx.log().log(System.Logger.Level.INFO, "cannot read " + left + "; not copied");
        }
    }

    private static String heapSize(String value) {
        if (value == null || !HEAP_SIZE.matcher(value).matches()) {
            throw new DriverException("--heap-size must be a number of megabytes or gigabytes, such as 512m or 2g: "
                    + value);
        }
        return value;
    }

    /**
     * The data directory, if the start script can carry its paths: it splits the JVM options at
     * spaces, and the JVM's log option separates its parts with colons.
     */
    private Path usableDataDir(Path data) {
        if (data.toString().matches(".*[\\s:].*")) {
            throw new DriverException(flavour.product() + " cannot use a data directory whose path has a space or a"
                    + " colon (its start script splits JVM options at spaces): " + data);
        }
        return data;
    }
}
