package org.pifpaf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pifpaf.api.DriverOption;
import org.pifpaf.runtime.DaemonSpec;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DataOnMemory;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.StartRequest;

/** Describes a daemon to start; {@link #start()} starts it. */
public final class DaemonBuilder {

    private final String driver;
    private final DaemonStarter starter;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final StartRequest.Builder request;
    private String prefix = StartRequest.DEFAULT_PREFIX;

    DaemonBuilder(String driver, DaemonStarter starter) {
        this.driver = driver;
        this.starter = starter;
        this.request = StartRequest.builder(driver).dataOnMemory(DataOnMemory.fromEnvironment(Environment.process(), DataOnMemory.WHEN_ROOM));
    }

    /** Sets a driver option (name without dashes); the value's text is used. */
    public DaemonBuilder option(String name, Object value) {
        options.put(name, String.valueOf(value));
        return this;
    }

    /** Sets several driver options. */
    public DaemonBuilder options(Map<String, ?> values) {
        values.forEach(this::option);
        return this;
    }

    /** The variable prefix (default {@code PIFPAF}). */
    public DaemonBuilder prefix(String value) {
        prefix = value;
        request.prefix(value);
        return this;
    }

    /** Gives up if the daemon is not ready after {@code timeout} (default: the driver's). */
    public DaemonBuilder timeout(Duration timeout) {
        request.timeout(timeout);
        return this;
    }

    /** Keeps the data directory after {@code close()} (its path is logged). */
    public DaemonBuilder keepData(boolean keep) {
        request.keepData(keep);
        return this;
    }

    /** As root, runs daemons that refuse root as {@code user} (default {@code nobody}). */
    public DaemonBuilder runAs(String user) {
        request.runAs(user);
        return this;
    }

    /**
     * Puts the data directory on a memory file system ({@code $XDG_RUNTIME_DIR} or
     * {@code /dev/shm}, if a tmpfs with a GiB free; else, with a warning, on disk), or on disk.
     * Default: {@code $PIFPAF_DATA_ON_MEMORY}, else on memory when a tmpfs has room (see
     * {@link DataOnMemory}).
     */
    public DaemonBuilder dataOnMemory(boolean onMemory) {
        request.dataOnMemory(onMemory);
        return this;
    }

    /** Creates the data directory in {@code dir} instead of {@code $TMPDIR}. */
    public DaemonBuilder tmpDir(Path dir) {
        request.tmpDir(dir);
        return this;
    }

    /**
     * Keeps templates (e.g. PostgreSQL's initialised cluster) in {@code dir} instead of
     * {@code $PIFPAF_CACHE_DIR} or {@code $XDG_CACHE_HOME/pifpaf}.
     */
    public DaemonBuilder cacheDir(Path dir) {
        request.cacheDir(dir);
        return this;
    }

    /**
     * Whether installed or provisioned binaries are used: {@code auto} (the default, or
     * {@code $PIFPAF_PROVISION}) takes installed ones when there are, else fetches them.
     */
    public DaemonBuilder provisioning(ProvisionMode mode) {
        request.provisioning(mode);
        return this;
    }

    /** Keeps provisioned daemons in {@code dir} instead of the default (see the README). */
    public DaemonBuilder provisionDir(Path dir) {
        request.provisionDir(dir);
        return this;
    }

    /** Turns the template cache off (or on again): off, each start creates its templates afresh. */
    public DaemonBuilder cache(boolean enabled) {
        request.cache(enabled);
        return this;
    }

    /**
     * Starts the daemon and returns once it is ready.
     *
     * @throws org.pifpaf.runtime.InvalidRequestException for an unknown driver or option
     * @throws org.pifpaf.runtime.StartFailedException when it cannot start (the binary is
     *         missing, it crashed, it timed out); the exception carries its log's tail
     */
    public Daemon start() {
        Map<String, String> all = new LinkedHashMap<>();
        // Fixtures run side by side: every port not chosen by the user is a free one.
        starter.registry().find(DaemonSpec.parse(driver).driver()).map(DriverDescriptor::driver).ifPresent(d -> {
            for (DriverOption option : d.options()) {
                if (option.type() == DriverOption.Type.PORT) {
                    all.put(option.name(), "0");
                }
            }
        });
        all.putAll(options);
        return new Daemon(starter.start(request.options(all).build()), prefix);
    }
}
