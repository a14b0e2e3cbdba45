package org.pifpaf.cli;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.pifpaf.runtime.DaemonSpec;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;

/**
 * The driver a {@code run} line names ({@link CommandLineScan#driver}), looked up on a thread of
 * its own while the main thread prepares the start and reads on: loading a driver's module layer
 * takes some tens of milliseconds in a JVM that has just started, the preparation about ten, and
 * there are two cores to do them on. It is the run's one look-up of the name: the plain reader,
 * picocli's model and the start all take the driver from here.
 */
final class DriverPrefetch {

    private final String name;
    private final FutureTask<Optional<DriverDescriptor>> lookup;

    private DriverPrefetch(String name, FutureTask<Optional<DriverDescriptor>> lookup) {
        this.name = name;
        this.lookup = lookup;
    }

    /**
     * Starts looking {@code name} up in {@code registry}: a driver's name, or {@code driver@version},
     * whose driver part is looked up (the version is checked by whoever calls this).
     */
    static DriverPrefetch start(DriverRegistry registry, String name) {
        String driver = DaemonSpec.parse(name).driver();
        FutureTask<Optional<DriverDescriptor>> lookup = new FutureTask<>(() -> registry.find(driver));
        Thread thread = new Thread(lookup, "pifpaf-prefetch");
        thread.setDaemon(true);
        thread.start();
        return new DriverPrefetch(name, lookup);
    }

    /** The name looked up, as the line wrote it ({@code postgresql@16} too). */
    String name() {
        return name;
    }

    /**
     * The driver, once loaded; empty when no driver has the name.
     *
     * @throws org.pifpaf.runtime.DriverConflictException when two drivers have it (what the look-up
     *         threw is thrown here, on the thread that needs the driver, which reports it)
     */
    Optional<DriverDescriptor> driver() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return lookup.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the driver is needed all the same; the flag is kept for what follows
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
