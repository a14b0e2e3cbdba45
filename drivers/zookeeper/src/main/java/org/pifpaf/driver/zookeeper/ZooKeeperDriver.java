package org.pifpaf.driver.zookeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts a standalone ZooKeeper server on 127.0.0.1, its JVM launched directly so that no
 * system-wide configuration is read. See the module documentation for options and variables.
 */
public final class ZooKeeperDriver implements DaemonDriver {

    /**
     * A release's {@code lib} directory ({@code $ZOOKEEPER_HOME}, Homebrew, {@code /opt}), else
     * Debian's jars in {@code /usr/share/java}, with the SLF4J binding Debian's package depends
     * on (the server would log nothing without it).
     */
    static final JavaDistribution ZOOKEEPER = JavaDistribution.named("zookeeper")
            .jar("zookeeper-[0-9]*.jar")
            .homeVariable("ZOOKEEPER_HOME")
            .launcher("zkServer.sh", "zkServer")
            .in("/usr/share/zookeeper", "/opt/homebrew/opt/zookeeper/libexec", "/usr/local/opt/zookeeper/libexec",
                    "/opt/*zookeeper*")
            .jarsIn("/usr/share/java").withJars("slf4j-log4j12.jar", "log4j-1.2.jar")
            .debian("zookeeper").brew("zookeeper")
            // Not installed: the server's jar and its runtime dependencies from Maven Central, with
            // jars its release ships but its POM marks provided: metrics-core and snappy-java,
            // without which the server does not start, and commons-cli, which its client (zkCli) needs.
            .provisionedFrom(Provision.maven("org.apache.zookeeper:zookeeper").anyPlatform().withDependencies()
                    .withProvided("io.dropwizard.metrics:metrics-core", "org.xerial.snappy:snappy-java",
                            "commons-cli:commons-cli")
                    .defaultVersion("3.8.4"));
    private static final String MAIN_CLASS = "org.apache.zookeeper.server.quorum.QuorumPeerMain";
    private static final String LOG_PATTERN = "%d{ISO8601} %-5p [%t] %c{1}: %m%n";

    @Override
    public String name() {
        return "zookeeper";
    }

    @Override
    public String description() {
        return "ZooKeeper server, standalone";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 2181, "client port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(Binary.java());
    }

    @Override
    public List<JavaDistribution> distributions() {
        return List.of(ZOOKEEPER);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) throws IOException {
        Path java = ctx.executable(Binary.java());
        String classpath = ctx.distribution(ZOOKEEPER).classpath();
        int port = ctx.port("port");
        Path dir = ctx.dataDir();
        Path config = Files.writeString(dir.resolve("zoo.cfg"), String.join("\n",
                "dataDir=" + dir.resolve("zookeeper"),
                "clientPort=" + port,
                "clientPortAddress=127.0.0.1",
                "tickTime=2000",
                // No HTTP admin server, which would want a port of its own (8080 by default).
                "admin.enableServer=false",
                // Every four-letter word, as in the original (ruok, stat, conf, mntr, ...).
                "4lw.commands.whitelist=*",
                // The data is thrown away: no fsync of the transaction log.
                "forceSync=no",
                ""));
        Path log4j = Files.writeString(dir.resolve("log4j.properties"), String.join("\n",
                "log4j.rootLogger=INFO, CONSOLE",
                "log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender",
                "log4j.appender.CONSOLE.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.CONSOLE.layout.ConversionPattern=" + LOG_PATTERN,
                ""));
        Path logback = Files.writeString(dir.resolve("logback.xml"), String.join("\n",
                "<configuration>",
                "  <appender name=\"CONSOLE\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                "    <encoder><pattern>" + LOG_PATTERN + "</pattern></encoder>",
                "  </appender>",
                "  <root level=\"INFO\"><appender-ref ref=\"CONSOLE\"/></root>",
                "</configuration>",
                ""));
        Path logDir = Files.createDirectory(dir.resolve("log"));

        // For zkCli.sh and friends, as the original exported them (it started zkServer.sh).
        ctx.exportRaw("ZOOCFGDIR", dir.toString());
        ctx.exportRaw("ZOOCFG", config.toString());
        ctx.exportRaw("ZOO_LOG_DIR", logDir.toString());

        // The JVM itself runs in the foreground, so only this server is ever stopped (the
        // original's "zkServer.sh stop" went by a pid file). -XX:-UsePerfData keeps the JVM out
        // of /tmp/hsperfdata_<user>; C1 only and the serial collector start a small server
        // fastest, and so do its classes mapped from an archive of the first start's. SIGKILL
        // stops it: the data is thrown away, and the JVM's orderly shutdown takes a few hundred
        // milliseconds.
        ctx.launch(Command.of(java,
                        "-XX:-UsePerfData",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-Djava.io.tmpdir=" + dir,
                        "-Dlog4j.configuration=" + log4j.toUri(),
                        "-Dlogback.configurationFile=" + logback,
                        "-cp", classpath, MAIN_CLASS, config.toString())
                        .label("zookeeper").stopSignal(Signal.KILL).sharingClassData(),
                // The container manager is created once the server runs, and only then; the
                // client port listens before the database is loaded.
                Ready.allOf(Ready.logLine("Using checkIntervalMs="), Ready.tcpPort(port)));

        ctx.export("ZOOKEEPER_PORT", Integer.toString(port));
        ctx.url("zookeeper://localhost:" + port);
    }
}
