package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.NestedDaemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started daemon, top-level or nested (the same object, seen by a nesting driver as a
 * {@link NestedDaemon}); closing it undoes its start.
 */
final class StartedDaemon implements NestedDaemon {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final String driver;
    private final String prefix;
    private final String url;
    private final Map<String, String> environment;
    private final Path dataDir;
    private final List<DaemonProcess> processes;
    private final Teardown teardown;
    private final boolean topLevel;
    private final AtomicBoolean closed = new AtomicBoolean();

    StartedDaemon(String driver, String prefix, StartContext context, Teardown teardown, boolean topLevel) {
        this.driver = driver;
        this.prefix = prefix;
        this.url = context.url();
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(context.exported()));
        this.dataDir = context.dataDir();
        this.processes = context.processes();
        this.teardown = teardown;
        this.topLevel = topLevel;
        if (topLevel) {
            OpenDaemons.add(this); // a nested daemon is closed by the daemon that started it
        }
    }

    @Override
    public String driver() {
        return driver;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String env(String name) {
        return Variables.lookUp(environment, prefix, name, driver);
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public List<DaemonProcess> processes() {
        return processes;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        teardown.run();
        if (topLevel) {
            OpenDaemons.remove(this);
        }
        LOG.info("stopped {} in {} ms", driver, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public String toString() {
        return driver + " at " + url;
    }
}
