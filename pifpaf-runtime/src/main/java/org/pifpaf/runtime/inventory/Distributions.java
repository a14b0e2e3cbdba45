package org.pifpaf.runtime.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.runtime.Environment;

/**
 * Finds the installations of Java daemons that drivers declare ({@link JavaDistribution}):
 * the home variable, the installation of a launcher on {@code PATH}, the well-known directories,
 * then the flat directories of jars, as an environment gives them. Results are kept for the life
 * of the JVM, by the distribution and what the environment makes of its search.
 */
public final class Distributions {

    /** Where jars lie under an installation directory, in the order looked at. */
    private static final List<String> LIB_DIRS = List.of("lib", "libs", "libexec/lib", "libexec/libs", "");
    /** The version at the end of a jar's name: {@code kafka_2.13-4.1.1.jar} is 4.1.1. */
    private static final Pattern VERSION = Pattern.compile("-(\\d[\\w.-]*)\\.jar$");
    private static final Map<List<Object>, Optional<InstalledDistribution>> FOUND = new ConcurrentHashMap<>();

    private Distributions() {
    }

    /** Where {@code distribution} is installed, if it is, looked for as this process's environment says. */
    public static Optional<InstalledDistribution> find(JavaDistribution distribution) {
        return find(distribution, Environment.process());
    }

    /** Where {@code distribution} is installed, if it is, looked for as {@code environment} says. */
    public static Optional<InstalledDistribution> find(JavaDistribution distribution, Environment environment) {
        List<String> searched = new ArrayList<>();
        searched.add(String.valueOf(environment.get("PATH")));
        if (distribution.homeVariable() != null) {
            searched.add(String.valueOf(environment.get(distribution.homeVariable())));
        }
        for (String dir : distribution.homes()) {
            searched.add(SearchPaths.variablesExpanded(dir, environment).orElse(""));
        }
        for (String dir : distribution.jarDirs()) {
            searched.add(SearchPaths.variablesExpanded(dir, environment).orElse(""));
        }
        return FOUND.computeIfAbsent(List.of(distribution, searched), key -> search(distribution, environment));
    }

    private static Optional<InstalledDistribution> search(JavaDistribution distribution, Environment environment) {
        List<Path> homes = new ArrayList<>();
        if (distribution.homeVariable() != null) {
            homes.addAll(SearchPaths.expand("${" + distribution.homeVariable() + "}", environment));
        }
        for (String launcher : distribution.launchers()) {
            SearchPaths.onPath(launcher, environment).flatMap(Distributions::installationOf).ifPresent(homes::add);
        }
        for (String dir : distribution.homes()) {
            homes.addAll(SearchPaths.expand(dir, environment));
        }
        for (Path home : homes) {
            for (String lib : LIB_DIRS) {
                Path libDir = lib.isEmpty() ? home : home.resolve(lib);
                Optional<Path> marker = SearchPaths.matching(libDir, distribution.jar()).stream().findFirst();
                if (marker.isPresent()) {
                    return Optional.of(new Found(home, libDir, libDir + "/*", versionOf(marker.get())));
                }
            }
        }
        for (String dir : distribution.jarDirs()) {
            for (Path jarDir : SearchPaths.expand(dir, environment)) {
                Optional<Path> marker = SearchPaths.matching(jarDir, distribution.jar()).stream().findFirst();
                if (marker.isPresent()) {
                    List<String> classpath = new ArrayList<>(List.of(marker.get().toString()));
                    distribution.extraJars().stream().map(jarDir::resolve).filter(Files::isRegularFile)
                            .forEach(jar -> classpath.add(jar.toString()));
                    return Optional.of(new Found(jarDir, jarDir, String.join(":", classpath), versionOf(marker.get())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code distribution} installed at {@code home} (a provisioned tree): the first of its
     * library directories holding the marker jar; {@code version} when given, else the marker's.
     */
    public static Optional<InstalledDistribution> at(JavaDistribution distribution, Path home, String version) {
        for (String lib : LIB_DIRS) {
            Path libDir = lib.isEmpty() ? home : home.resolve(lib);
            Optional<Path> marker = SearchPaths.matching(libDir, distribution.jar()).stream().findFirst();
            if (marker.isPresent()) {
                String found = version != null ? version : versionOf(marker.get());
                return Optional.of(new Found(home, libDir, libDir + "/*", found));
            }
        }
        return Optional.empty();
    }

    /** The installation a launcher belongs to: its real path's {@code bin/..}. */
    private static Optional<Path> installationOf(Path launcher) {
        try {
            Path bin = launcher.toRealPath().getParent();
            return Optional.ofNullable(bin == null ? null : bin.getParent());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String versionOf(Path jar) {
        Matcher matcher = VERSION.matcher(jar.getFileName().toString());
        return matcher.find() ? matcher.group(1) : "";
    }

    /** A found installation. */
    private record Found(Path home, Path libDir, String classpath, String version) implements InstalledDistribution {
    }
}
