package org.pifpaf.runtime.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.Environment;

/**
 * What {@code list-drivers} reports of each driver: where it comes from, its own version,
 * whether its binaries and Java installations are here (with the daemon's version), and which
 * drivers it nests and whether those are available.
 */
public final class DriverInventory {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+");

    /**
     * One driver's entry.
     *
     * @param driverVersion the driver's own version ({@link DaemonDriver#version()})
     * @param found         each binary or installation found, by name
     * @param missing       each one missing, by name, with how to install it ({@code install it with ...})
     * @param nested        the drivers it starts, with their availability
     */
    public record Entry(String name, String description, String origin, String driverVersion, Map<String, Found> found,
                        Map<String, String> missing, List<Nested> nested) {

        /** Whether it can start: nothing it needs is missing, nested drivers it always starts included. */
        public boolean available() {
            return missing.isEmpty() && nested.stream().allMatch(n -> n.available() || n.condition() != null);
        }

        /** The daemon's versions found, distinct, in order. */
        public List<String> versions() {
            return found.values().stream().map(Found::version).filter(v -> v != null).distinct().toList();
        }
    }

    /** A binary or installation that was found. @param path where @param version its version, if it told */
    public record Found(String path, String version) {
    }

    /**
     * A driver that a driver starts.
     *
     * @param condition when it is started, or null for always
     * @param available whether it is there with everything it needs
     * @param provider  what provides it, for a missing one
     */
    public record Nested(String name, String condition, boolean available, String provider) {
    }

    private DriverInventory() {
    }

    /** The entries of {@code drivers}, binaries looked for as this process's environment says. */
    public static List<Entry> of(List<DriverDescriptor> drivers, VersionCache versions) {
        return of(drivers, versions, Environment.process());
    }

    /**
     * The entries of {@code drivers}, each checked on a thread of its own (a check may spawn
     * processes, which mostly means waiting; the common pool would have one thread on two cores).
     * Versions come from {@code versions} when the binary has not changed. Binaries are looked for
     * as {@code environment} says ({@code PATH}, search directories).
     */
    public static List<Entry> of(List<DriverDescriptor> drivers, VersionCache versions, Environment environment) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, drivers.size()), task -> {
            Thread thread = new Thread(task, "pifpaf-inventory");
            thread.setDaemon(true);
            return thread;
        });
        List<Entry> own;
        try {
            List<CompletableFuture<Entry>> entries = new ArrayList<>();
            for (DriverDescriptor descriptor : drivers) {
                entries.add(CompletableFuture.supplyAsync(() -> entry(descriptor, versions, environment), threads));
            }
            own = entries.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
        Map<String, Entry> byName = new HashMap<>();
        own.forEach(entry -> byName.put(entry.name(), entry));
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            all.add(withNested(own.get(i), drivers.get(i).driver(), byName));
        }
        return all;
    }

    /** The version of the daemon {@code driver} would start here, as {@code list-drivers} shows it; empty if none. */
    public static Optional<String> daemonVersion(DriverDescriptor driver) {
        return daemonVersion(driver, Environment.process());
    }

    /** {@link #daemonVersion(DriverDescriptor)}, binaries looked for as {@code environment} says. */
    public static Optional<String> daemonVersion(DriverDescriptor driver, Environment environment) {
        List<String> versions = entry(driver, VersionCache.none(), environment).versions();
        return versions.isEmpty() ? Optional.empty() : Optional.of(String.join("/", versions));
    }

    private static Entry entry(DriverDescriptor descriptor, VersionCache versions, Environment environment) {
        DaemonDriver driver = descriptor.driver();
        Map<String, Found> found = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (JavaDistribution distribution : driver.distributions()) {
            Optional<InstalledDistribution> installed = Distributions.find(distribution, environment);
            if (installed.isPresent()) {
                String version = installed.get().version();
                found.put(distribution.name(), new Found(installed.get().libDir().toString(), version.isEmpty() ? null : version));
            } else {
                missing.put(distribution.name(), distribution.installHint());
            }
        }
        for (Binary binary : driver.binaries()) {
            Optional<Path> path = Binaries.find(binary, environment);
            if (path.isPresent()) {
                found.put(binary.name(), new Found(path.get().toString(),
                        version(binary, path.get(), versions, environment)));
            } else {
                missing.put(binary.name(), binary.installHint());
            }
        }
        return new Entry(descriptor.name(), driver.description(), descriptor.origin(), driver.version(), found, missing,
                List.of());
    }

    private static Entry withNested(Entry entry, DaemonDriver driver, Map<String, Entry> byName) {
        List<Nested> nested = new ArrayList<>();
        for (NestedDriver declared : driver.nestedDrivers()) {
            Entry other = byName.get(declared.name());
            boolean available = other != null && other.missing().isEmpty();
            nested.add(new Nested(declared.name(), declared.condition(), available, declared.provider()));
        }
        return new Entry(entry.name(), entry.description(), entry.origin(), entry.driverVersion(), entry.found(),
                entry.missing(), nested);
    }

    /** The version number of {@code executable}: remembered, else asked and remembered; null if it does not tell. */
    private static String version(Binary binary, Path executable, VersionCache versions, Environment environment) {
        if (binary.hasVersionInRealPath()) {
            return Binaries.realPath(executable).map(path -> versionNumber(path.toString())).orElse(null);
        }
        if (binary.versionArgs().isEmpty()) {
            return null;
        }
        Optional<String> known = versions.get(executable, binary.versionArgs());
        if (known.isPresent()) {
            return known.get();
        }
        String version = Binaries.version(binary, executable, environment).map(DriverInventory::versionNumber).orElse(null);
        if (version != null) {
            versions.put(executable, binary.versionArgs(), version);
        }
        return version;
    }

    private static String versionNumber(String text) {
        Matcher matcher = VERSION.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }
}
