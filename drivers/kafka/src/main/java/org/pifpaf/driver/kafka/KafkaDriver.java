package org.pifpaf.driver.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * Starts one Kafka broker on 127.0.0.1: a KRaft node that is its own controller, or, with
 * {@code --zookeeper}, a Kafka 2.x or 3.x broker registered in a ZooKeeper of its own. The
 * broker's JVM is launched directly, with small options of our own, rather than through
 * {@code kafka-server-start.sh}. See the module documentation for options and variables.
 */
public final class KafkaDriver implements DaemonDriver {

    private static final String MARKER_JAR = "kafka_*-[0-9]*.jar";
    /**
     * A release unpacked anywhere ({@code $KAFKA_HOME}, or the installation of the
     * {@code kafka-server-start} script on {@code PATH}), {@code /opt/kafka}, Homebrew's
     * {@code libexec}, or a plain directory of Kafka's jars named by {@code KAFKA_HOME}. Not
     * installed: the broker's jar and its runtime dependencies from Maven Central (the newest
     * 4.1 unless a version is asked for), with the logging binding its release ships (Kafka's
     * POM names SLF4J's API only; the driver's configuration is log4j 2's).
     */
    static final JavaDistribution KAFKA = JavaDistribution.named("kafka")
            .jar(MARKER_JAR)
            .homeVariable("KAFKA_HOME")
            .launcher("kafka-server-start.sh", "kafka-server-start")
            .in("/opt/kafka", "/opt/kafka_*", "/opt/homebrew/opt/kafka/libexec", "/usr/local/opt/kafka/libexec")
            .brew("kafka")
            .provisionedFrom(Provision.maven("org.apache.kafka:kafka_2.13").anyPlatform().withDependencies()
                    .withJars("org.apache.logging.log4j:log4j-slf4j-impl:2.24.3").defaultVersion("4.1"));
    private static final Binary BASH = Binary.named("bash").noVersion().debian("bash").brew("bash");
    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final String STORAGE_TOOL_MAIN = "kafka.tools.StorageTool";
    private static final Pattern RANDOM_ID = Pattern.compile("(?m)^(cluster\\.id|directory\\.id)=.*$");

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String description() {
        return "Kafka broker (KRaft; ZooKeeper mode with --zookeeper)";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 9092, "broker port, on 127.0.0.1"),
                DriverOption.integer("partitions", 2, "partitions of a topic created without a number"),
                DriverOption.flag("zookeeper", "ZooKeeper mode (Kafka 2.x and 3.x), with a ZooKeeper of its own"),
                DriverOption.port("zookeeper_port", 2181, "ZooKeeper's port with --zookeeper"),
                DriverOption.string("kafka_home", null,
                        "Kafka installation to run (default: KAFKA_HOME, kafka-server-start on PATH, /opt/kafka)"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(Binary.java(), BASH);
    }

    @Override
    public List<JavaDistribution> distributions() {
        return List.of(KAFKA);
    }

    @Override
    public List<NestedDriver> nestedDrivers() {
        return List.of(NestedDriver.named("zookeeper").when("with --zookeeper"));
    }

    @Override
    public Duration startupTimeout() {
        // 3 to 5 s on an idle machine (two JVMs in KRaft mode, a ZooKeeper then the broker in
        // ZooKeeper mode); several times that on a busy one.
        return Duration.ofSeconds(90);
    }

    @Override
    public void start(DriverContext ctx) throws IOException {
        Path java = ctx.executable(Binary.java());
        Path bash = ctx.executable(BASH);
        InstalledDistribution kafka = ctx.distribution(installation(ctx));
        KafkaVersion version = KafkaVersion.of(kafka.version());
        boolean zooKeeperMode = ctx.booleanOption("zookeeper");
        checkMode(version, zooKeeperMode, kafka.home());
        int port = ctx.port("port");
        int partitions = ctx.intOption("partitions");
        Path dir = ctx.dataDir();
        Path logDir = dir.resolve("kafka");
        Command jvm = jvm(java, dir, kafka.classpath());

        Path config = dir.resolve("server.properties");
        int controllerPort = 0;
        if (zooKeeperMode) {
            NestedDaemon zooKeeper = ctx.daemon("zookeeper").option("port", ctx.intOption("zookeeper_port")).start();
            int zooKeeperPort = Integer.parseInt(zooKeeper.env("ZOOKEEPER_PORT"));
            Files.writeString(config, KafkaConfig.zooKeeperMode(port, zooKeeperPort, logDir, partitions));
        } else {
            controllerPort = ctx.freePort();
            Files.writeString(config, KafkaConfig.kraft(port, controllerPort, logDir, partitions));
            formatStorage(ctx, jvm, kafka, config, logDir);
        }

        // SIGKILL: the data is thrown away, and an orderly shutdown takes seconds (a controlled
        // shutdown, then every log closed).
        ctx.launch(jvm.args(BROKER_MAIN, config.toString()).label("kafka").stopSignal(Signal.KILL).sharingClassData(),
                Ready.commandSucceeds(MetadataProbe.of(bash, port)));

        ctx.export("KAFKA_PORT", Integer.toString(port));
        ctx.export("KAFKA_PROTOCOL", "PLAINTEXT");
        ctx.export("KAFKA_URL", "PLAINTEXT://localhost:" + port);
        // What a client's bootstrap.servers takes as is; 127.0.0.1, where the broker listens,
        // since "localhost" may resolve to ::1 first.
        ctx.export("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port);
        if (!zooKeeperMode) {
            ctx.export("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        }
        ctx.url("kafka://localhost:" + port);
    }

    /** The installation {@code --kafka-home} names, else the one the runtime finds. */
    private static JavaDistribution installation(DriverContext ctx) {
        String home = ctx.option("kafka_home");
        return home == null || home.isEmpty() ? KAFKA
                : JavaDistribution.named("kafka (--kafka-home " + home + ")").jar(MARKER_JAR).in(home);
    }

    /** Refuses a mode the installed Kafka does not have, before anything is started. */
    private static void checkMode(KafkaVersion version, boolean zooKeeperMode, Path home) {
        if (zooKeeperMode && !version.hasZooKeeperMode()) {
            throw new DriverException("Kafka " + version.text() + " (" + home + ") has no ZooKeeper mode, which"
                    + " Kafka 4.0 removed: leave out --zookeeper to run it in KRaft mode, or name a Kafka 2.x or 3.x"
                    + " with KAFKA_HOME or --kafka-home");
        }
        if (!zooKeeperMode && !version.hasKRaft()) {
            throw new DriverException("Kafka " + version.text() + " (" + home + ") has no production-ready KRaft"
                    + " mode (it came with Kafka 3.3): add --zookeeper to run it with a ZooKeeper");
        }
    }

    /**
     * The JVM of the broker and of its storage tool: C1 only and the serial collector, which
     * start Kafka's few thousand classes in about half the CPU time of the scripts' server
     * settings (G1, a 1 GB heap fixed at start); no {@code /tmp/hsperfdata_<user>}; temporary
     * files and logging configured into the data directory.
     */
    private static Command jvm(Path java, Path dir, String classpath) throws IOException {
        Path log4j2 = Files.writeString(dir.resolve("log4j2.properties"), KafkaConfig.LOG4J2_PROPERTIES);
        Path log4j = Files.writeString(dir.resolve("log4j.properties"), KafkaConfig.LOG4J_PROPERTIES);
        return Command.of(java,
                "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dir,
                "-Dlog4j2.configurationFile=" + log4j2,
                "-Dlog4j.configuration=" + log4j.toUri(),
                "-cp", classpath);
    }

    /**
     * The KRaft log directory, formatted by Kafka's storage tool (a JVM of its own, about a
     * second) once per installation and then copied from the template cache. A format differs
     * from the next only by two random ids in {@code meta.properties}, the cluster's and the
     * directory's: each copy gets new ones, so every broker is a cluster of its own.
     */
    private static void formatStorage(DriverContext ctx, Command jvm, InstalledDistribution kafka, Path config,
                                      Path logDir) throws IOException {
        // The creator runs at logDir itself, the directory the configuration names.
        ctx.createFromTemplate(Template.named("kraft-storage")
                        .keyedByBinary(kafka.libDir())
                        .keyedBy(kafka.version(), "node.id=" + KafkaConfig.NODE_ID)
                        .createdBy(target -> ctx.run(jvm.args(STORAGE_TOOL_MAIN, "format",
                                "--cluster-id", randomId(), "--config", config.toString()).label("kafka-storage"))),
                logDir);
        Path metaProperties = logDir.resolve("meta.properties");
        Matcher ids = RANDOM_ID.matcher(Files.readString(metaProperties));
        StringBuilder renewed = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(renewed, ids.group(1) + "=" + randomId());
        }
        ids.appendTail(renewed);
        Files.writeString(metaProperties, renewed);
    }

    /**
     * A random Kafka id: 16 bytes in URL-safe Base64 without padding, as Kafka writes them, never
     * starting with '-' (which a command line would read as an option).
     */
    private static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
