package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.runtime.discovery.DriverIndex;
import org.pifpaf.runtime.discovery.DriverNames;
import org.pifpaf.runtime.discovery.DriverUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers pifpaf knows: those on the module path or class path ("built in"), then those in
 * drivers directories, each jar or sub-directory (a unit) in its own module layer.
 *
 * <p>Built-in drivers are found at once; units are loaded when needed. {@link #find} loads the
 * units that may provide the name asked for: with an index ({@link #indexed}), those the index
 * says provide it plus those it does not know in their current state (new or changed ones, which
 * it then learns); without one, all. {@link #drivers} and {@link #closestName} load every unit.
 * Two drivers with one name are a {@link DriverConflictException} when that name is looked up,
 * or when all drivers are listed. Thread-safe.
 */
public final class DriverRegistry {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final Map<String, DriverDescriptor> builtIns = new LinkedHashMap<>();
    private final List<Path> driverDirs;
    private final List<DriverUnit> units = new ArrayList<>();
    private final Supplier<DriverIndex> indexSource;
    private DriverIndex index;

    private DriverRegistry(List<Path> driverDirs, Supplier<DriverIndex> indexSource) {
        this.driverDirs = List.copyOf(driverDirs);
        this.indexSource = indexSource;
        for (DaemonDriver driver : ServiceLoader.load(DaemonDriver.class, DriverRegistry.class.getClassLoader())) {
            DriverNames.ifValid(driver, DriverDescriptor.BUILT_IN, descriptor -> {
                DriverDescriptor existing = builtIns.putIfAbsent(descriptor.name(), descriptor);
                if (existing != null && existing.driver().getClass() != driver.getClass()) {
                    throw conflict(existing, descriptor);
                }
                LOG.debug("driver {} from {}", descriptor.name(), descriptor.origin());
            });
        }
        for (Path dir : this.driverDirs) {
            units.addAll(DriverUnit.in(dir));
        }
    }

    /**
     * Finds every driver now, without an index.
     *
     * @param driverDirs drivers directories to load, in order; missing ones are skipped
     * @throws DriverConflictException when two drivers share a name
     */
    public static DriverRegistry discover(List<Path> driverDirs) {
        DriverRegistry registry = new DriverRegistry(driverDirs, DriverIndex::none);
        registry.drivers();
        return registry;
    }

    /**
     * Finds the built-in drivers now and the others when needed, with the index of drivers
     * directories kept in a cache directory.
     *
     * @param driverDirs drivers directories, in order; missing ones are skipped
     * @param cacheDir   the directory holding the index, asked for only if a drivers directory
     *                   holds a unit; empty for no index (every unit is then loaded when needed)
     * @throws DriverConflictException when two built-in drivers share a name
     */
    public static DriverRegistry indexed(List<Path> driverDirs, Supplier<Optional<Path>> cacheDir) {
        return new DriverRegistry(driverDirs, () -> {
            Optional<Path> dir = cacheDir.get();
            return dir.isPresent() ? DriverIndex.load(dir.get().resolve(DriverIndex.FILE_NAME)) : DriverIndex.none();
        });
    }

    /** The drivers directories named by {@code PIFPAF_DRIVERS_PATH} (colon-separated) in {@code environment}. */
    public static List<Path> driversPathFromEnvironment(Environment environment) {
        return environment.directories("PIFPAF_DRIVERS_PATH");
    }

    /**
     * The driver named {@code name}, if any.
     *
     * @throws DriverConflictException when two drivers have that name
     */
    public synchronized Optional<DriverDescriptor> find(String name) {
        List<DriverDescriptor> named = new ArrayList<>();
        if (builtIns.containsKey(name)) {
            named.add(builtIns.get(name));
        }
        DriverIndex index = index();
        for (DriverUnit unit : units) {
            if (unit.mayProvide(name, index)) {
                for (DriverDescriptor descriptor : unit.drivers(index)) {
                    if (descriptor.name().equals(name)) {
                        named.add(descriptor);
                    }
                }
            }
        }
        index.save();
        if (named.size() > 1) {
            throw conflict(named.get(0), named.get(1));
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    /**
     * Every driver, sorted by name.
     *
     * @throws DriverConflictException when two drivers share a name
     */
    public synchronized List<DriverDescriptor> drivers() {
        DriverIndex index = index();
        List<DriverDescriptor> loaded = new ArrayList<>();
        for (DriverUnit unit : units) {
            loaded.addAll(unit.drivers(index));
        }
        index.save();
        Map<String, DriverDescriptor> byName = new HashMap<>(builtIns);
        for (DriverDescriptor descriptor : loaded) {
            DriverDescriptor existing = byName.putIfAbsent(descriptor.name(), descriptor);
            if (existing != null) {
                throw conflict(existing, descriptor);
            }
        }
        List<DriverDescriptor> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(DriverDescriptor::name));
        return Collections.unmodifiableList(all);
    }

    /**
     * Whether its drivers directories still hold the units it was made with, each as it was when
     * first looked at: a process that lives long (the pifpaf server) makes a new registry when
     * not, so that a driver dropped in, replaced or removed counts as it does for a new process.
     */
    public synchronized boolean current() {
        List<DriverUnit> now = new ArrayList<>();
        for (Path dir : driverDirs) {
            now.addAll(DriverUnit.in(dir));
        }
        if (now.size() != units.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).path().equals(units.get(i).path()) || !now.get(i).stamp().equals(units.get(i).stamp())) {
                return false;
            }
        }
        return true;
    }

    /** The known name closest to {@code name} (for "did you mean"), if one is close enough. */
    public Optional<String> closestName(String name) {
        return drivers().stream().map(DriverDescriptor::name)
                .filter(candidate -> EditDistance.between(candidate, name) <= Math.max(2, name.length() / 3)
                        || candidate.startsWith(name))
                .min(Comparator.comparingInt(candidate -> EditDistance.between(candidate, name)));
    }

    /** The index, read on first need; it forgets the units no longer in the drivers directories. */
    private DriverIndex index() {
        if (index == null) {
            index = units.isEmpty() ? DriverIndex.none() : indexSource.get();
            for (Path dir : driverDirs) {
                Set<String> present = new HashSet<>();
                for (DriverUnit unit : units) {
                    if (unit.path().getParent().equals(dir) && unit.stamp().isPresent()) {
                        present.add(unit.stamp().get().path());
                    }
                }
                try {
                    index.forgetMissing(dir.toRealPath(), present);
                } catch (IOException e) {
                    // A missing drivers directory: its units, if once indexed, are gone from disk and dropped on save.
                }
            }
        }
        return index;
    }

    private static DriverConflictException conflict(DriverDescriptor first, DriverDescriptor second) {
        return new DriverConflictException("two drivers are named '" + first.name() + "': one from "
                + first.origin() + ", one from " + second.origin() + "; remove one of them");
    }
}
