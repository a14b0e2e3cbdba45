package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a memory file system (tmpfs) that holds running daemons' data runs low: their data
 * is memory there, and must never fill it unnoticed. One thread per JVM looks every two seconds,
 * while there is something to watch; each daemon is warned about once per shortage.
 */
final class MemoryWatch {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final long INTERVAL_MILLIS = 2000;
    /** Low: less than this left, or less than a tenth of the file system. */
    private static final long LOW_BYTES = 256L << 20;
    private static final Set<Watched> WATCHED = ConcurrentHashMap.newKeySet();
    private static Thread watcher;

    private MemoryWatch() {
    }

    /**
     * Watches the file system of {@code dataDir} while {@code driver}'s daemon runs, if it is a
     * tmpfs; the returned step ends the watch.
     */
    static org.pifpaf.api.DriverContext.CleanupStep watch(String driver, Path dataDir) {
        FileStore store;
        try {
            store = Files.getFileStore(dataDir);
            if (!store.type().equals("tmpfs")) {
                return () -> { };
            }
        } catch (IOException e) {
            return () -> { };
        }
        Watched watched = new Watched(driver, dataDir, store);
        WATCHED.add(watched);
        ensureWatcher();
        return () -> WATCHED.remove(watched);
    }

    /** Whether {@code usable} bytes left of {@code total} is low. */
    static boolean low(long usable, long total) {
        return usable < LOW_BYTES || usable < total / 10;
    }

    private static synchronized void ensureWatcher() {
        if (watcher == null || !watcher.isAlive()) {
            watcher = new Thread(MemoryWatch::run, "pifpaf-memory-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static void run() {
        while (true) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (MemoryWatch.class) {
                if (WATCHED.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
            WATCHED.forEach(Watched::check);
        }
    }

    /** One daemon's data on a tmpfs. */
    private static final class Watched {
        private final String driver;
        private final Path dataDir;
        private final FileStore store;
        private boolean warned;

        Watched(String driver, Path dataDir, FileStore store) {
            this.driver = driver;
            this.dataDir = dataDir;
            this.store = store;
        }

        void check() {
            try {
                long usable = store.getUsableSpace();
                boolean low = low(usable, store.getTotalSpace());
                if (low && !warned) {
                    LOG.warn("{} has {} MiB left: it is memory, and holds the data of {} ({})", store, usable >> 20,
                            driver, dataDir);
                }
                warned = low;
            } catch (IOException e) {
                LOG.debug("cannot read the free space of {}: {}", dataDir, e.toString());
            }
        }
    }
}
