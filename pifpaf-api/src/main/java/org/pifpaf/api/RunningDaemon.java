package org.pifpaf.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A started daemon as a front end (the command line, a test) sees it. {@link #close()} stops
 * every process of it and removes its data directory unless it was asked to be kept.
 */
public interface RunningDaemon extends AutoCloseable {

    /** The driver's name, e.g. {@code postgresql}. */
    String driver();

    /** The URL the driver set, e.g. {@code redis://localhost:6379}. */
    String url();

    /**
     * Every variable exported, in export order: prefixed ones ({@code PIFPAF_URL}) and raw ones
     * ({@code PGHOST}).
     */
    Map<String, String> environment();

    /** The daemon's private data directory. */
    Path dataDir();

    /** The daemon's processes, in launch order (e.g. the server, then a sentinel). */
    List<DaemonProcess> processes();

    /**
     * The process labelled {@code label}.
     *
     * @throws java.util.NoSuchElementException if there is none
     */
    default DaemonProcess process(String label) {
        return processes().stream().filter(p -> p.label().equals(label)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no process labelled " + label));
    }

    /** The file the first process's output goes to. */
    default Path logFile() {
        return processes().isEmpty() ? null : processes().get(0).logFile();
    }

    /** Stops the daemon and cleans up. Calling it again does nothing. */
    @Override
    void close();
}
