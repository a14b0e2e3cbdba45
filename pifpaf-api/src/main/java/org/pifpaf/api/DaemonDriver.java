package org.pifpaf.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * A kind of daemon pifpaf can start: PostgreSQL, Redis, ...
 *
 * <p>A driver is a small declaration. It names itself, lists its options and the binaries it
 * needs, and in {@link #start(DriverContext)} says what to run and what to export; the runtime
 * does the rest (data directory, processes, readiness, clean-up). Implementations must have a
 * public no-argument constructor (or a public static {@code provider()} method) so that
 * {@link java.util.ServiceLoader} can create them, and should be cheap to create.
 */
public interface DaemonDriver {

    /**
     * The name used on the command line ({@code pifpaf run <name>}): lower-case letters, digits
     * and {@code -}, starting with a letter or digit. Discovery ignores a driver with another
     * name, saying so.
     */
    String name();

    /** A one-line description shown by {@code pifpaf list-drivers}. */
    default String description() {
        return "";
    }

    /** The options this driver accepts, in the order {@code --help} should list them. */
    default List<DriverOption> options() {
        return List.of();
    }

    /**
     * The executables this driver needs; {@code list-drivers} reports whether they are found, and
     * {@link DriverContext#executable(Binary)} resolves them with an actionable error.
     */
    default List<Binary> binaries() {
        return List.of();
    }

    /**
     * The Java installations this driver needs ({@link DriverContext#distribution}); like
     * {@link #binaries()}, {@code list-drivers} reports whether they are found, with their version.
     */
    default List<JavaDistribution> distributions() {
        return List.of();
    }

    /**
     * The drivers this one starts through {@link DriverContext#daemon(String)}; starting any
     * other is an error. {@code list-drivers} reports whether they are available.
     */
    default List<NestedDriver> nestedDrivers() {
        return List.of();
    }

    /**
     * The driver's own version (not the daemon's): its module's version, else its jar's
     * {@code Implementation-Version}; empty when neither says.
     */
    default String version() {
        Module module = getClass().getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            java.util.Optional<String> version = module.getDescriptor().rawVersion();
            if (version.isPresent()) {
                return version.get();
            }
        }
        Package pkg = getClass().getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        if (version == null && module.isNamed()) {
            // A module's packages carry no manifest attributes (a plain jar loaded from a drivers
            // directory is an automatic module there): its manifest is read instead.
            version = manifestVersion(module);
        }
        return version == null ? "" : version;
    }

    private static String manifestVersion(Module module) {
        try (InputStream in = module.getResourceAsStream("META-INF/MANIFEST.MF")) {
            return in == null ? null : new Manifest(in).getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        } catch (IOException e) {
            return null;
        }
    }

    /** How long a start may take before it is abandoned, unless the user says otherwise. */
    default Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * Starts the daemon: launch its processes through {@code context}, export its variables and
     * set its URL. When this returns the daemon is ready to use. If it throws, the runtime stops
     * whatever was launched and removes the data directory.
     *
     * @throws Exception any failure; {@link DriverException} for one with a user-facing message
     */
    void start(DriverContext context) throws Exception;
}
