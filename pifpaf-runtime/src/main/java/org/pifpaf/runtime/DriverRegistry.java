package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.runtime.discovery.DriverDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers pifpaf knows: those on the module path or class path ("built in"), then those in
 * drivers directories, each jar or sub-directory in its own module layer.
 */
public final class DriverRegistry {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final Map<String, DriverDescriptor> byName;

    private DriverRegistry(Map<String, DriverDescriptor> byName) {
        this.byName = byName;
    }

    /**
     * Finds every driver.
     *
     * @param driverDirs drivers directories to load, in order; missing ones are skipped
     * @throws DriverConflictException when two drivers share a name
     */
    public static DriverRegistry discover(List<Path> driverDirs) {
        Map<String, DriverDescriptor> found = new LinkedHashMap<>();
        ClassLoader loader = DriverRegistry.class.getClassLoader();
        for (DaemonDriver driver : ServiceLoader.load(DaemonDriver.class, loader)) {
            add(found, new DriverDescriptor(driver, DriverDescriptor.BUILT_IN));
        }
        for (Path dir : driverDirs) {
            for (DriverDescriptor descriptor : DriverDirectory.load(dir)) {
                add(found, descriptor);
            }
        }
        return new DriverRegistry(found);
    }

    /** The drivers directories named by {@code PIFPAF_DRIVERS_PATH} (colon-separated). */
    public static List<Path> driversPathFromEnvironment() {
        String path = System.getenv("PIFPAF_DRIVERS_PATH");
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(":")) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        return dirs;
    }

    private static void add(Map<String, DriverDescriptor> found, DriverDescriptor descriptor) {
        DriverDescriptor existing = found.putIfAbsent(descriptor.name(), descriptor);
        if (existing != null && existing.driver().getClass() != descriptor.driver().getClass()) {
            throw new DriverConflictException("two drivers are named '" + descriptor.name() + "': one from "
                    + existing.origin() + ", one from " + descriptor.origin() + "; remove one of them");
        }
        LOG.debug("driver {} from {}", descriptor.name(), descriptor.origin());
    }

    /** The driver named {@code name}, if any. */
    public Optional<DriverDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every driver, sorted by name. */
    public List<DriverDescriptor> drivers() {
        List<DriverDescriptor> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(DriverDescriptor::name));
        return Collections.unmodifiableList(all);
    }

    /** The known name closest to {@code name} (for "did you mean"), if one is close enough. */
    public Optional<String> closestName(String name) {
        return byName.keySet().stream()
                .filter(candidate -> EditDistance.between(candidate, name) <= Math.max(2, name.length() / 3)
                        || candidate.startsWith(name))
                .min(Comparator.comparingInt(candidate -> EditDistance.between(candidate, name)));
    }
}
