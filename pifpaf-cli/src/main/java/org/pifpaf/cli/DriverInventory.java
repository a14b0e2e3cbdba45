package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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

    /** The entries of {@code drivers}, binaries checked in parallel (each may spawn a process). */
    static List<Entry> of(List<DriverDescriptor> drivers) {
        List<CompletableFuture<Entry>> entries = new ArrayList<>();
        for (DriverDescriptor descriptor : drivers) {
            entries.add(CompletableFuture.supplyAsync(() -> entry(descriptor)));
        }
        return entries.stream().map(CompletableFuture::join).toList();
    }

    private static Entry entry(DriverDescriptor descriptor) {
        Map<String, Found> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Binary binary : descriptor.driver().binaries()) {
            Optional<Path> path = Binaries.find(binary);
            if (path.isPresent()) {
                String version = Binaries.version(binary, path.get()).map(DriverInventory::versionNumber).orElse(null);
                found.put(binary.name(), new Found(path.get().toString(), version));
            } else {
                missing.add(binary.name() + " (" + binary.installHint() + ")");
            }
        }
        return new Entry(descriptor.name(), descriptor.driver().description(), descriptor.origin(), found, missing);
    }

    private static String versionNumber(String versionLine) {
        Matcher matcher = VERSION.matcher(versionLine);
        return matcher.find() ? matcher.group() : null;
    }
}
