package org.pifpaf.runtime.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.runtime.Environment;

/**
 * Finding Java daemons' installations in fake layouts (empty jar files, launcher scripts, a
 * {@code PATH} of the test's own): each place {@link JavaDistribution} names, and which wins.
 */
class DistributionsTest {

    /** As the kafka driver declares it, minus the machine's own well-known directories. */
    private static final JavaDistribution KAFKA = JavaDistribution.named("kafka").jar("kafka_*-[0-9]*.jar")
            .homeVariable("KAFKA_HOME").launcher("kafka-server-start.sh", "kafka-server-start");

    @TempDir
    Path root;

    /** An empty jar file (only its name is read) at {@code relative}, its directories made. */
    private Path jar(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[0]);
    }

    private Path script(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Path symlink(String relative, String target) throws Exception {
        Path link = root.resolve(relative);
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }

    /** An environment of {@code PATH} (directories under the root) and {@code variables}. */
    private Environment env(String path, String... variables) {
        Map<String, String> all = new LinkedHashMap<>();
        StringBuilder dirs = new StringBuilder();
        for (String dir : path.split(":")) {
            dirs.append(dirs.length() == 0 ? "" : ":").append(dir.isEmpty() ? "" : root.resolve(dir).toString());
        }
        all.put("PATH", dirs.toString());
        for (int i = 0; i < variables.length; i += 2) {
            all.put(variables[i], variables[i + 1]);
        }
        return Environment.of(all);
    }

    private static InstalledDistribution found(JavaDistribution distribution, Environment environment) {
        return Distributions.find(distribution, environment).orElseThrow(() -> new AssertionError("not found"));
    }

    @Test
    void theHomeVariablesInstallationWithItsLibDirectoryAndTheMarkersVersion() throws Exception {
        jar("home/libs/kafka_2.13-4.1.1.jar");
        jar("home/libs/kafka-clients-4.1.1.jar");
        InstalledDistribution kafka = found(KAFKA, env("", "KAFKA_HOME", root.resolve("home").toString()));
        assertEquals(root.resolve("home"), kafka.home());
        assertEquals(root.resolve("home/libs"), kafka.libDir());
        assertEquals(root.resolve("home/libs") + "/*", kafka.classpath());
        assertEquals("4.1.1", kafka.version());
    }

    @Test
    void theLibraryDirectoriesAreLookedAtInOrderAndTheHomeItselfLast() throws Exception {
        for (String lib : new String[] {"lib", "libs", "libexec/lib", "libexec/libs", ""}) {
            jar("h/" + (lib.isEmpty() ? "" : lib + "/") + "kafka_2.13-1." + lib.length() + ".jar");
        }
        Path home = root.resolve("h");
        String[] expected = {"lib", "libs", "libexec/lib", "libexec/libs", ""};
        for (String lib : expected) {
            InstalledDistribution kafka = Distributions.at(KAFKA, home, null).orElseThrow();
            Path libDir = lib.isEmpty() ? home : home.resolve(lib);
            assertEquals(libDir, kafka.libDir(), lib);
            assertEquals("1." + lib.length(), kafka.version(), lib);
            if (!lib.isEmpty()) {
                Files.delete(libDir.resolve("kafka_2.13-1." + lib.length() + ".jar"));
            }
        }
    }

    @Test
    void aPlainDirectoryOfJarsNamedByTheHomeVariable() throws Exception {
        jar("jars/kafka_2.13-3.9.1.jar");
        InstalledDistribution kafka = found(KAFKA, env("", "KAFKA_HOME", root.resolve("jars").toString()));
        assertEquals(root.resolve("jars"), kafka.home());
        assertEquals(root.resolve("jars") + "/*", kafka.classpath());
        assertEquals("3.9.1", kafka.version());
    }

    @Test
    void theHighestVersionOfTheMarkerGivesTheVersion() throws Exception {
        jar("two/libs/kafka_2.13-3.9.1.jar");
        jar("two/libs/kafka_2.13-10.0.0.jar");
        jar("two/libs/kafka_2.13-4.1.1.jar");
        assertEquals("10.0.0", found(KAFKA, env("", "KAFKA_HOME", root.resolve("two").toString())).version());
    }

    @Test
    void aMarkerWithoutAVersionInItsNameGivesAnEmptyVersion() throws Exception {
        jar("plain/lib/daemon.jar");
        JavaDistribution plain = JavaDistribution.named("daemon").jar("daemon.jar").in(root + "/plain");
        assertEquals("", found(plain, env("")).version());
    }

    @Test
    void aLauncherOnPathGivesItsInstallation() throws Exception {
        jar("kafka_2.13-4.1.1/libs/kafka_2.13-4.1.1.jar");
        script("kafka_2.13-4.1.1/bin/kafka-server-start.sh");
        InstalledDistribution kafka = found(KAFKA, env("elsewhere:kafka_2.13-4.1.1/bin"));
        assertEquals(root.resolve("kafka_2.13-4.1.1"), kafka.home());
        assertEquals(root.resolve("kafka_2.13-4.1.1/libs"), kafka.libDir());
    }

    @Test
    void aSymlinkedLauncherIsFollowedToItsInstallation() throws Exception {
        // A release unpacked anywhere, its script linked into a directory of PATH.
        jar("opt/kafka/libs/kafka_2.13-4.1.1.jar");
        script("opt/kafka/bin/kafka-server-start.sh");
        symlink("local/bin/kafka-server-start.sh", root.resolve("opt/kafka/bin/kafka-server-start.sh").toString());
        InstalledDistribution kafka = found(KAFKA, env("local/bin"));
        assertEquals(root.resolve("opt/kafka").toRealPath(), kafka.home().toRealPath());
        assertEquals(root.resolve("opt/kafka/libs").toRealPath(), kafka.libDir().toRealPath());
    }

    @Test
    void homebrewsLinkIntoLibexecIsFollowed() throws Exception {
        // bin/kafka-server-start -> ../libexec/bin/kafka-server-start.sh, the jars in libexec/libs.
        jar("brew/kafka/libexec/libs/kafka_2.13-4.1.0.jar");
        script("brew/kafka/libexec/bin/kafka-server-start.sh");
        symlink("brew/kafka/bin/kafka-server-start", "../libexec/bin/kafka-server-start.sh");
        InstalledDistribution kafka = found(KAFKA, env("brew/kafka/bin"));
        assertEquals(root.resolve("brew/kafka/libexec/libs").toRealPath(), kafka.libDir().toRealPath());
        assertEquals("4.1.0", kafka.version());
    }

    @Test
    void homebrewsCellarWrapperGivesTheKegsLibexec() throws Exception {
        // The prefix's bin/kafka-server-start -> ../Cellar/kafka/4.1.0/bin/kafka-server-start, a
        // wrapper script; the keg's jars in libexec/libs.
        jar("homebrew/Cellar/kafka/4.1.0/libexec/libs/kafka_2.13-4.1.0.jar");
        script("homebrew/Cellar/kafka/4.1.0/bin/kafka-server-start");
        symlink("homebrew/bin/kafka-server-start", "../Cellar/kafka/4.1.0/bin/kafka-server-start");
        InstalledDistribution kafka = found(KAFKA, env("homebrew/bin"));
        assertEquals(root.resolve("homebrew/Cellar/kafka/4.1.0").toRealPath(), kafka.home().toRealPath());
        assertEquals(root.resolve("homebrew/Cellar/kafka/4.1.0/libexec/libs").toRealPath(), kafka.libDir().toRealPath());
    }

    @Test
    void aLauncherThatIsNotExecutableOrADanglingLinkIsPassedOver() throws Exception {
        jar("noexec/libs/kafka_2.13-4.1.1.jar");
        Path launcher = script("noexec/bin/kafka-server-start.sh");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rw-r--r--"));
        symlink("dangling/kafka-server-start.sh", root.resolve("gone/bin/kafka-server-start.sh").toString());
        assertEquals(Optional.empty(), Distributions.find(KAFKA, env("noexec/bin:dangling")));
    }

    @Test
    void aLauncherWhoseInstallationHasNoMarkerIsPassedOver() throws Exception {
        script("usr/bin/kafka-server-start.sh"); // a wrapper in /usr/bin: /usr/lib holds no Kafka
        jar("usr/lib/other-1.0.jar");
        jar("well-known/libs/kafka_2.13-3.0.0.jar");
        InstalledDistribution kafka = found(KAFKA.in(root + "/well-known"), env("usr/bin"));
        assertEquals(root.resolve("well-known"), kafka.home());
    }

    @Test
    void theSecondLauncherIsLookedForWhenTheFirstIsNotOnPath() throws Exception {
        jar("second/libexec/libs/kafka_2.13-4.0.0.jar");
        script("second/bin/kafka-server-start");
        assertEquals(root.resolve("second"), found(KAFKA, env("second/bin")).home());
    }

    @Test
    void theHomeVariableWinsOverALauncherWhichWinsOverTheWellKnownDirectoriesAndTheJarDirectories()
            throws Exception {
        jar("byvariable/libs/kafka_2.13-1.0.0.jar");
        jar("bylauncher/libs/kafka_2.13-2.0.0.jar");
        script("bylauncher/bin/kafka-server-start.sh");
        jar("wellknown/libs/kafka_2.13-3.0.0.jar");
        jar("flat/kafka_2.13-4.0.0.jar");
        JavaDistribution all = KAFKA.in(root + "/wellknown").jarsIn(root + "/flat");
        String variable = root.resolve("byvariable").toString();
        assertEquals("1.0.0", found(all, env("bylauncher/bin", "KAFKA_HOME", variable)).version());
        assertEquals("2.0.0", found(all, env("bylauncher/bin")).version());
        assertEquals("3.0.0", found(all, env("")).version());
        assertEquals("4.0.0", found(KAFKA.jarsIn(root + "/flat"), env("")).version());
        // A home variable naming a directory without the marker does not hide the others.
        assertEquals("2.0.0", found(all, env("bylauncher/bin", "KAFKA_HOME", root.resolve("flat/none").toString()))
                .version());
    }

    @Test
    void wellKnownDirectoriesExpandVariablesAndGlobsTheHighestVersionFirst() throws Exception {
        jar("opt/kafka_2.12-2.8.2/libs/kafka_2.12-2.8.2.jar");
        jar("opt/kafka_2.13-3.10.0/libs/kafka_2.13-3.10.0.jar");
        jar("opt/kafka_2.13-3.9.1/libs/kafka_2.13-3.9.1.jar");
        JavaDistribution globbed = KAFKA.in("${PREFIX}/opt/kafka_*");
        InstalledDistribution kafka = found(globbed, env("", "PREFIX", root.toString()));
        assertEquals(root.resolve("opt/kafka_2.13-3.10.0"), kafka.home());
        // An unset variable drops the directory instead of searching "/opt/kafka_*".
        assertEquals(Optional.empty(), Distributions.find(globbed, env("")));
    }

    @Test
    void aFlatDirectoryOfJarsGivesTheMarkerAndTheExtraJarsThatArePresent() throws Exception {
        Path marker = jar("share/java/zookeeper-3.8.4.jar");
        Path binding = jar("share/java/slf4j-log4j12.jar");
        jar("share/java/unrelated-1.0.jar");
        JavaDistribution zooKeeper = JavaDistribution.named("zookeeper").homeVariable("ZOOKEEPER_HOME")
                .jarsIn(root + "/empty", root + "/share/java").withJars("slf4j-log4j12.jar", "log4j-1.2.jar");
        InstalledDistribution found = found(zooKeeper, env(""));
        assertEquals(root.resolve("share/java"), found.home());
        assertEquals(root.resolve("share/java"), found.libDir());
        assertEquals(marker + ":" + binding, found.classpath(), "the absent log4j-1.2.jar left out");
        assertEquals("3.8.4", found.version());
    }

    @Test
    void nothingAnywhereIsEmpty() {
        JavaDistribution nowhere = KAFKA.in(root + "/none").jarsIn(root + "/none-either");
        assertEquals(Optional.empty(), Distributions.find(nowhere, env("", "KAFKA_HOME", root.toString())));
        assertEquals(Optional.empty(), Distributions.at(KAFKA, root.resolve("none"), "1.0"));
    }

    @Test
    void aProvisionedTreesVersionIsTheOneGivenElseTheMarkers() throws Exception {
        jar("tree/lib/kafka_2.13-4.1.1.jar");
        assertEquals("4.1", Distributions.at(KAFKA, root.resolve("tree"), "4.1").orElseThrow().version());
        assertEquals("4.1.1", Distributions.at(KAFKA, root.resolve("tree"), null).orElseThrow().version());
    }

    @Test
    void theSameSearchIsAnsweredFromMemoryAndAnotherEnvironmentSearchesAgain() throws Exception {
        jar("first/libs/kafka_2.13-1.0.0.jar");
        Environment first = env("", "KAFKA_HOME", root.resolve("first").toString());
        assertEquals("1.0.0", found(KAFKA, first).version());
        Files.delete(root.resolve("first/libs/kafka_2.13-1.0.0.jar"));
        assertEquals("1.0.0", found(KAFKA, first).version(), "kept for the life of the JVM");
        jar("second/libs/kafka_2.13-2.0.0.jar");
        assertEquals("2.0.0", found(KAFKA, env("", "KAFKA_HOME", root.resolve("second").toString())).version());
        assertTrue(Distributions.find(KAFKA.in(root + "/first"), first).isEmpty(),
                "another distribution is another search, which sees the jar gone");
    }
}
