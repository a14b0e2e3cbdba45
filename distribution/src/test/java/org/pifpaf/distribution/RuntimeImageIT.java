package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's two ways to run: the bundled runtime image, and the module path without it. */
class RuntimeImageIT {

    private static final Path HOME = Launcher.PIFPAF.getParent().getParent();

    @Test
    void theBundledRuntimeRunsWithItsAheadOfTimeCacheOrClassDataArchive() throws Exception {
        // AOTMode=on (JDK 25 and later: the image holds an ahead-of-time cache) and -Xshare:on
        // make the JVM fail instead of quietly running without them.
        boolean aot = Files.isRegularFile(HOME.resolve("runtime/lib/server/pifpaf.aot"));
        String strict = aot ? "-XX:AOTMode=on" : "-Xshare:on";
        var result = Launcher.run(Identity.CURRENT_USER, List.of(Launcher.PIFPAF.toString(), "--version"),
                Map.of("PIFPAF_JAVA_OPTS", strict + " -XshowSettings:properties", "JAVA_HOME", "/nonexistent"));
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.stdout().startsWith("pifpaf, version "), result.toString());
        assertTrue(result.stderr().contains("java.home = " + HOME.resolve("runtime")), result.toString());
        assertTrue(!result.stderr().contains("jdk.module.path"), result.toString());
    }

    @Test
    void theRuntimeIsTheNewestJdkOnTheBuildMachine() throws Exception {
        String built = Files.readString(HOME.resolve("runtime/release")).lines()
                .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst().orElseThrow();
        int major = Integer.parseInt(built.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1"));
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.filter(dir -> Files.isExecutable(dir.resolve("bin/jlink"))).toList()) {
                String release = Files.readString(jdk.resolve("release"));
                int other = Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"));
                assertTrue(other <= major, jdk + " is newer than the runtime's Java " + major);
            }
        }
        assertEquals(major >= 25, Files.isRegularFile(HOME.resolve("runtime/lib/server/pifpaf.aot")),
                "an ahead-of-time cache exactly where the JDK makes one");
    }

    @Test
    void theRuntimeHoldsPifpafsModulesAndWhatDriversMayUse() throws Exception {
        Process process = new ProcessBuilder(HOME.resolve("runtime/bin/java").toString(), "--list-modules")
                .redirectErrorStream(true).start();
        String modules = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), modules);
        for (String module : List.of("org.pifpaf.cli", "org.pifpaf.runtime", "org.pifpaf.api", "java.sql", "java.net.http")) {
            assertTrue(modules.contains(module + "@"), module + " missing from:\n" + modules);
        }
        assertTrue(!modules.contains("org.pifpaf.driver."), "drivers stay in drivers/:\n" + modules);
    }

    @Test
    void withoutTheRuntimeTheModulePathAndJavaHomeAreUsed(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("pifpaf home"); // a space: the launcher must quote its paths
        for (String part : List.of("bin", "lib", "drivers")) {
            copyTree(HOME.resolve(part), copy.resolve(part));
        }
        Path launcher = copy.resolve("bin/pifpaf");
        var result = Launcher.run(Identity.CURRENT_USER, List.of(launcher.toString(), "list-drivers"),
                Map.of("JAVA_HOME", System.getProperty("java.home"), "PIFPAF_JAVA_OPTS", "-XshowSettings:properties"));
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.stdout().contains("drivers/redis.jar"), result.toString());
        assertTrue(result.stderr().contains("java.home = " + System.getProperty("java.home")), result.toString());
        assertTrue(result.stderr().contains("jdk.module.path = " + copy.resolve("lib")), result.toString());

        var noJava = Launcher.run(Identity.CURRENT_USER, List.of(launcher.toString(), "--version"),
                Map.of("JAVA_HOME", "/nonexistent", "PATH", "/nonexistent"));
        assertEquals(127, noJava.exit(), noJava.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
