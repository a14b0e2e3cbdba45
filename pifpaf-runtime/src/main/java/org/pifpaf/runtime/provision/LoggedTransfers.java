package org.pifpaf.runtime.provision;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads told in the log: one line at info level when each is done (where no progress bar is drawn). */
public final class LoggedTransfers implements TransferProgress {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    /** The repository of each download under way, by file. */
    private final Map<String, String> from = new ConcurrentHashMap<>();

    @Override
    public void started(String file, String repository, long totalBytes) {
        from.put(file, repository);
    }

    @Override
    public void progressed(String file, long bytesSoFar) {
    }

    @Override
    public void finished(String file, long bytes, long nanos) {
        LOG.info("downloaded {} ({}) from {} in {}", file, size(bytes), from.getOrDefault(file, "?"), rate(bytes, nanos));
        from.remove(file);
    }

    /** {@code 14.7 MB}. */
    public static String size(long bytes) {
        return bytes < 0 ? "? MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** {@code 2.1 s, 7.0 MB/s}. */
    public static String rate(long bytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%.1f s, %.1f MB/s", seconds, bytes / 1e6 / seconds);
    }
}
