package org.pifpaf.driver.artemis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * Starts an ActiveMQ Artemis broker as the original did (an instance made by {@code artemis
 * create}, its {@code broker.xml} replaced, {@code artemis run}), with every acceptor on
 * 127.0.0.1 and no web console; the instance comes from the template cache after the first
 * start. See the module documentation for options and variables.
 */
public final class ArtemisDriver implements DaemonDriver {

    /**
     * A release unpacked anywhere ({@code $ARTEMIS_HOME}, or the installation of the
     * {@code artemis} script on {@code PATH}, the original's {@code /usr/lib/apache-artemis},
     * {@code /opt}, Homebrew's {@code libexec}); its server jar gives the version. Not installed:
     * the release's archive from Maven Central (the newest 2.40, the release it is tested with, unless a version is asked for).
     */
    static final JavaDistribution ARTEMIS = JavaDistribution.named("artemis")
            .jar("artemis-server-[0-9]*.jar")
            .homeVariable("ARTEMIS_HOME")
            .launcher("artemis")
            .in("/usr/lib/apache-artemis", "/opt/*artemis*", "/opt/homebrew/opt/artemis/libexec",
                    "/usr/local/opt/artemis/libexec")
            .brew("artemis")
            .provisionedFrom(Provision.maven("org.apache.activemq:apache-artemis:tar.gz:bin").anyPlatform().unpack()
                    .defaultVersion("2.40"));

    /**
     * The broker's JVM, given to the instance's script in place of its profile's (G1, a heap of
     * 512 MB at start and up to 2 GB): C1 only, the serial collector and at most 256 MB, which
     * halve the CPU time of a start; no {@code /tmp/hsperfdata_<user>}. The last option is the
     * profile's own, which the broker needs.
     */
    private static final String BROKER_JVM = "-XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"
            + " -Dlog4j2.disableJmx=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED";
    /** {@code artemis create}'s JVM: a short-lived command line tool. */
    private static final String TOOL_JVM = "-XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @Override
    public String name() {
        return "artemis";
    }

    @Override
    public String description() {
        return "ActiveMQ Artemis broker";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 5673, "AMQP port, on 127.0.0.1 (the other protocols' ports are free ones)"),
                DriverOption.string("username", "pifpaf", "broker user"),
                DriverOption.string("password", "secrete", "its password"),
                DriverOption.flag("require_login", "refuse anonymous clients"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(Binary.java());
    }

    @Override
    public List<JavaDistribution> distributions() {
        return List.of(ARTEMIS);
    }

    @Override
    public Duration startupTimeout() {
        // 1 to 2 s on an idle machine, plus 1 to 2 s for the first instance; more when busy.
        return Duration.ofSeconds(60);
    }

    @Override
    public void start(DriverContext ctx) throws IOException {
        Path java = ctx.executable(Binary.java());
        InstalledDistribution artemis = ctx.distribution(ARTEMIS);
        Path artemisCommand = artemis.home().resolve("bin").resolve("artemis");
        BrokerXml acceptors = new BrokerXml(ctx.port("port"), ctx.freePort(), ctx.freePort(), ctx.freePort(),
                ctx.freePort());
        Path instance = ctx.dataDir().resolve("broker");

        String user = ctx.option("username");
        String password = ctx.option("password");
        String login = ctx.booleanOption("require_login") ? "--require-login" : "--allow-anonymous";
        // Without autotune, which times the disk for seconds to tune a journal we configure anyway.
        List<String> create = List.of("--silent", "--no-web", "--no-autotune", "--user", user, "--password", password,
                login);
        ctx.createFromTemplate(instanceTemplate(artemis.version(), user, password, login)
                        .keyedByBinary(artemisCommand)
                        .keyedByBinary(artemis.libDir())
                        .createdBy(target -> {
                            ctx.run(tool(artemisCommand, java, "create").args(create).args(target.toString())
                                    .label("artemis-create"));
                            InstancePaths.forget(target);
                        }),
                instance);
        InstancePaths.settle(instance);
        Files.writeString(instance.resolve("etc").resolve("broker.xml"), acceptors.text());

        // The instance's own script, as the original ran it; SIGKILL at the stop, as the data
        // is thrown away (the original ran "artemis stop" first).
        ctx.launch(Command.of(instance.resolve("bin").resolve("artemis"), "run")
                        .env("JAVA_ARGS", BROKER_JVM).env("JAVACMD", java.toString())
                        .label("artemis").stopSignal(Signal.KILL),
                // "Server is now active" (older releases: "live"), once every acceptor is started.
                Ready.allOf(Ready.logLine("AMQ221007"), Ready.tcpPort(acceptors.amqp())));

        ctx.export("ARTEMIS_PORT", Integer.toString(acceptors.amqp()));
        ctx.export("ARTEMIS_URL", "amqp://localhost:" + acceptors.amqp());
        ctx.export("ARTEMIS_CORE_PORT", Integer.toString(acceptors.core()));
        ctx.export("ARTEMIS_CORE_URL", "tcp://127.0.0.1:" + acceptors.core());
        ctx.export("ARTEMIS_STOMP_PORT", Integer.toString(acceptors.stomp()));
        ctx.export("ARTEMIS_STOMP_URL", "stomp://127.0.0.1:" + acceptors.stomp());
        ctx.export("ARTEMIS_HORNETQ_PORT", Integer.toString(acceptors.hornetq()));
        ctx.export("ARTEMIS_MQTT_PORT", Integer.toString(acceptors.mqtt()));
        ctx.export("ARTEMIS_MQTT_URL", "mqtt://127.0.0.1:" + acceptors.mqtt());
        ctx.export("ARTEMIS_INSTANCE", instance.toString());
        ctx.url("amqp://localhost:" + acceptors.amqp());
    }

    /**
     * The instance's template, keyed by what {@code artemis create} writes into it: the release
     * (its version, besides its files) and the user, password and login option it is given.
     */
    static Template instanceTemplate(String version, String user, String password, String login) {
        return Template.named("instance").keyedBy(version, user, sha256(password), login);
    }

    /** A command of the installation's {@code artemis} script, with the JVM the runtime found. */
    private static Command tool(Path artemisCommand, Path java, String subcommand) {
        return Command.of(artemisCommand, subcommand).env("JAVA_ARGS", TOOL_JVM).env("JAVACMD", java.toString());
    }

    /** The password as the template's key holds it: the cache's key file is plain text. */
    private static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
