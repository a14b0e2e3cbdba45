package org.pifpaf.runtime.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pifpaf.runtime.DriverDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unit of a drivers directory (a jar, or a sub-directory holding a driver jar and its
 * dependencies), loaded at most once and only when asked for its drivers. Not thread-safe.
 */
public final class DriverUnit {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final Path path;
    private Optional<UnitStamp> stamp;
    private List<DriverDescriptor> drivers;

    private DriverUnit(Path path) {
        this.path = path;
    }

    /** The units of drivers directory {@code dir}, in file-name order; none if it does not exist. */
    public static List<DriverUnit> in(Path dir) {
        List<DriverUnit> units = new ArrayList<>();
        for (Path unit : DriverDirectory.units(dir)) {
            units.add(new DriverUnit(unit));
        }
        return units;
    }

    /** The jar or sub-directory, as found in its drivers directory. */
    public Path path() {
        return path;
    }

    /** Its state when first asked (before it is loaded); empty when it cannot be stamped. */
    public Optional<UnitStamp> stamp() {
        if (stamp == null) {
            stamp = UnitStamp.of(path);
        }
        return stamp;
    }

    /**
     * Whether it may provide the driver {@code name}: once loaded, whether it does; before, what
     * {@code index} says of its current state, or yes when the index does not know that state.
     */
    public boolean mayProvide(String name, DriverIndex index) {
        if (drivers != null) {
            return provides(name);
        }
        Optional<Set<String>> known = stamp().isPresent() ? index.names(stamp().get()) : Optional.empty();
        return known.isEmpty() || known.get().contains(name);
    }

    /** Its drivers, loading it on the first call and recording in {@code index} what it provides. */
    public List<DriverDescriptor> drivers(DriverIndex index) {
        if (drivers == null) {
            Optional<UnitStamp> before = stamp(); // taken before loading: a jar replaced meanwhile is reloaded next time
            drivers = DriverDirectory.load(path);
            List<String> names = new ArrayList<>();
            for (DriverDescriptor descriptor : drivers) {
                names.add(descriptor.name());
                LOG.debug("driver {} from {}", descriptor.name(), descriptor.origin());
            }
            if (before.isPresent()) {
                index.record(before.get(), names);
            }
        }
        return drivers;
    }

    private boolean provides(String name) {
        for (DriverDescriptor descriptor : drivers) {
            if (descriptor.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
