package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.system.ProcessesInDirectory;
import org.pifpaf.runtime.system.Reaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pifpaf.runtime.system.FileTrees;

/** A started daemon; closing it runs its clean-up steps and removes its data directory. */
final class StartedDaemon implements RunningDaemon {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final String driver;
    private final String url;
    private final Map<String, String> environment;
    private final Path dataDir;
    private final List<DaemonProcess> processes;
    private final StartContext context;
    private final CleanupStack cleanup;
    private final boolean keepData;
    private final AtomicBoolean closed = new AtomicBoolean();

    StartedDaemon(String driver, StartContext context, CleanupStack cleanup, boolean keepData) {
        this.driver = driver;
        this.url = context.url();
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(context.exported()));
        this.dataDir = context.dataDir();
        this.processes = context.processes();
        this.context = context;
        this.cleanup = cleanup;
        this.keepData = keepData;
        OpenDaemons.add(this);
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
        cleanup.runAll();
        OpenDaemons.remove(this);
        removeData(context, keepData);
        LOG.info("stopped {} in {} ms", driver, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Removes the data directory of {@code context} unless it is to be kept (saying where a kept
     * one is), the trees made in it from templates first. Any process still working in it (one
     * that escaped its process group) is killed first.
     */
    static void removeData(StartContext context, boolean keep) {
        Path dir = context.dataDir();
        int stragglers = ProcessesInDirectory.kill(dir);
        if (stragglers > 0) {
            LOG.warn("killed {} process(es) still working in {} after the daemon stopped", stragglers, dir);
        }
        if (keep) {
            StaleDataDirectories.unmark(dir);
            LOG.warn("data of the daemon kept in {}", dir);
        } else {
            try {
                context.disposeTemplateTrees();
                FileTrees.delete(dir);
            } catch (IOException e) {
                LOG.warn("cannot remove {} entirely: {}", dir, e.toString());
            }
        }
        Reaper.releaseDirectory(dir);
    }

    @Override
    public String toString() {
        return driver + " at " + url;
    }
}
