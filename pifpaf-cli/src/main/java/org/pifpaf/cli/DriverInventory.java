package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.pifpaf.runtime.Binaries;
import org.pifpaf.runtime.DriverDescriptor;

/** What {@code list-drivers} reports of each driver: origin and whether its binaries are here. */
final class DriverInventory {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+");

    /**
     * One driver's entry.
     *
     * @param binaries each binary's name to its path and version, or to {@code null} if missing
     */
    record Entry(String name, String description, String origin, Map<String, Found> binaries,
                 List<String> missing) {

        boolean available() {
            return missing.isEmpty();
        }
    }

    /** A binary that was found. @param path where @param version its version, if it told */
    record Found(String path, String version) {
    }

    private DriverInventory() {
    }

    /**
     * The entries of {@code drivers}, binaries checked in parallel, one thread per driver (each
     * check may spawn processes, which mostly means waiting; the common pool would have a single
     * thread on two cores). Versions come from {@code versions} when the binary has not changed.
     */
    static List<Entry> of(List<DriverDescriptor> drivers, VersionCache versions) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, drivers.size()), task -> {
            Thread thread = new Thread(task, "pifpaf-inventory");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Entry>> entries = new ArrayList<>();
            for (DriverDescriptor descriptor : drivers) {
                entries.add(CompletableFuture.supplyAsync(() -> entry(descriptor, versions), threads));
            }
            return entries.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static Entry entry(DriverDescriptor descriptor, VersionCache versions) {
        Map<String, Found> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Binary binary : descriptor.driver().binaries()) {
            Optional<Path> path = Binaries.find(binary);
            if (path.isPresent()) {
                found.put(binary.name(), new Found(path.get().toString(), version(binary, path.get(), versions)));
            } else {
                missing.add(binary.name() + " (" + binary.installHint() + ")");
            }
        }
        return new Entry(descriptor.name(), descriptor.driver().description(), descriptor.origin(), found, missing);
    }

    /** The version number of {@code executable}: remembered, else asked and remembered; null if it does not tell. */
    private static String version(Binary binary, Path executable, VersionCache versions) {
        if (binary.versionArgs().isEmpty()) {
            return null;
        }
        Optional<String> known = versions.get(executable, binary.versionArgs());
        if (known.isPresent()) {
            return known.get();
        }
        String version = Binaries.version(binary, executable).map(DriverInventory::versionNumber).orElse(null);
        if (version != null) {
            versions.put(executable, binary.versionArgs(), version);
        }
        return version;
    }

    private static String versionNumber(String versionLine) {
        Matcher matcher = VERSION.matcher(versionLine);
        return matcher.find() ? matcher.group() : null;
    }
}
