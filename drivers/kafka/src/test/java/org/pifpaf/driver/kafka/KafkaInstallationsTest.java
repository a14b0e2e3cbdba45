package org.pifpaf.driver.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.runtime.inventory.Distributions;
import org.pifpaf.testkit.DriverTestKit;

/**
 * Where the kafka driver finds Kafka, as its issue lists the places: {@code KAFKA_HOME},
 * {@code kafka-server-start.sh} or Homebrew's {@code kafka-server-start} on {@code PATH},
 * {@code /opt/kafka}, a plain directory of Kafka's jars. Each is a fake installation whose jars
 * are links to the real ones in {@code /opt/kafka/libs} (where {@code .ci/run} puts Kafka 4.1);
 * the installation the driver's declaration resolves to is checked for each, and a real broker
 * is started through Homebrew's layout.
 */
class KafkaInstallationsTest {

    private static final Path REAL_LIBS = Path.of("/opt/kafka/libs");

    @TempDir
    Path root;

    @BeforeAll
    static void kafkaIsInstalled() {
        if (!Files.isDirectory(REAL_LIBS)) {
            DriverTestKit.skipUnlessCi("no Kafka in /opt/kafka (.ci/run puts Kafka 4.1 there)");
        }
    }

    /** {@code dir} made and filled with links to each of Kafka's real jars. */
    private Path linkedJars(String dir) throws Exception {
        Path libs = Files.createDirectories(root.resolve(dir));
        try (Stream<Path> jars = Files.list(REAL_LIBS)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                Files.createSymbolicLink(libs.resolve(jar.getFileName()), jar);
            }
        }
        return libs;
    }

    private Path script(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nexec \"$(dirname \"$0\")/../libexec/bin/kafka-server-start.sh\" \"$@\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /**
     * Homebrew's layout: the prefix's {@code bin/kafka-server-start} links to the keg's wrapper
     * script, and the keg keeps the jars in {@code libexec/libs}. Its {@code bin} directory.
     */
    private Path homebrew() throws Exception {
        Path keg = root.resolve("homebrew/Cellar/kafka/4.1.1");
        linkedJars("homebrew/Cellar/kafka/4.1.1/libexec/libs");
        script("homebrew/Cellar/kafka/4.1.1/bin/kafka-server-start");
        Path bin = Files.createDirectories(root.resolve("homebrew/bin"));
        Files.createSymbolicLink(bin.resolve("kafka-server-start"), bin.relativize(keg.resolve("bin/kafka-server-start")));
        return bin;
    }

    /** The installation the driver's declaration finds with {@code variables} as the whole environment. */
    private static InstalledDistribution resolved(String... variables) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            env.put(variables[i], variables[i + 1]);
        }
        return Distributions.find(KafkaDriver.KAFKA, Environment.of(env))
                .orElseThrow(() -> new AssertionError("no Kafka found with " + env));
    }

    @Test
    void kafkaHomeNamesAnUnpackedReleaseAndWinsOverPath() throws Exception {
        linkedJars("kafka_2.13-4.1.1/libs");
        Path release = root.resolve("kafka_2.13-4.1.1");
        InstalledDistribution kafka = resolved("KAFKA_HOME", release.toString(), "PATH", homebrew().toString());
        assertEquals(release, kafka.home());
        assertEquals(release.resolve("libs") + "/*", kafka.classpath());
        assertEquals("4.1.1", kafka.version());
    }

    @Test
    void kafkaHomeMayNameAPlainDirectoryOfKafkasJars() throws Exception {
        Path jars = linkedJars("jars");
        InstalledDistribution kafka = resolved("KAFKA_HOME", jars.toString(), "PATH", "/usr/bin:/bin");
        assertEquals(jars, kafka.home());
        assertEquals(jars + "/*", kafka.classpath());
        assertEquals("4.1.1", kafka.version());
    }

    @Test
    void theReleasesScriptOnPathGivesItsInstallationWhereverItIsLinkedFrom() throws Exception {
        linkedJars("kafka_2.13-4.1.1/libs");
        Path release = root.resolve("kafka_2.13-4.1.1");
        Path script = script("kafka_2.13-4.1.1/bin/kafka-server-start.sh");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kafka-server-start.sh"), script);
        InstalledDistribution kafka = resolved("PATH", "/usr/bin:" + bin);
        assertEquals(release.toRealPath(), kafka.home().toRealPath());
        assertEquals(release.resolve("libs").toRealPath(), kafka.libDir().toRealPath());
    }

    @Test
    void homebrewsKafkaServerStartOnPathGivesTheKegsLibexec() throws Exception {
        InstalledDistribution kafka = resolved("PATH", "/usr/bin:" + homebrew());
        Path libs = root.resolve("homebrew/Cellar/kafka/4.1.1/libexec/libs");
        assertEquals(libs.toRealPath(), kafka.libDir().toRealPath());
        assertEquals("4.1.1", kafka.version());
    }

    @Test
    void withNothingElseOptKafkaIsTheInstallation() {
        InstalledDistribution kafka = resolved("PATH", "/usr/bin:/bin");
        assertEquals(Path.of("/opt/kafka"), kafka.home());
        assertEquals(REAL_LIBS, kafka.libDir());
    }

    @Test
    void aBrokerFoundThroughHomebrewsLayoutRunsFromItsJars() throws Exception {
        Map<String, String> env = new HashMap<>(Environment.process().asMap());
        env.remove("KAFKA_HOME");
        env.put("PATH", homebrew() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Path libs = root.resolve("homebrew/Cellar/kafka/4.1.1/libexec/libs");
        // No template cache: its entry, keyed by this temporary installation, would outlive the test.
        RunningDaemon kafka = DriverTestKit.start(StartRequest.builder("kafka").option("port", "0").cache(false)
                .environment(env).build());
        try {
            String commandLine = Files.readString(Path.of("/proc/" + kafka.process("kafka").pid() + "/cmdline"),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            assertTrue(commandLine.contains(" -cp " + libs.toRealPath() + "/* ")
                    || commandLine.contains(" -cp " + libs + "/* "), commandLine);
            try (Admin admin = KafkaClients.admin(kafka)) {
                assertEquals(1, admin.describeCluster().nodes().get().size());
            }
            KafkaClients.produce(kafka, "brewed", "k", "v");
            assertEquals(List.of("k=v"), KafkaClients.consume(kafka, "brewed", 1));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(kafka);
        }
    }
}
