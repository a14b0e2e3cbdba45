package org.pifpaf.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pifpaf.runtime.provision.LoggedTransfers;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * The downloads of a start under way, for its progress line: one file's bar, or, as the
 * resolver fetches a Java daemon's jars several at a time, their sum ({@code 3 files}). Each
 * finished download is also told by one log line at info level, shown where no bar is drawn.
 */
final class Downloads implements TransferProgress {

    private final TransferProgress logged = new LoggedTransfers();
    private final Map<String, Download> inFlight = new ConcurrentHashMap<>();

    /** One download: its size (or -1), start and bytes so far. */
    private static final class Download {
        final long total;
        final long started = System.nanoTime();
        volatile long done;

        Download(long total) {
            this.total = total;
        }
    }

    @Override
    public void started(String file, String from, long totalBytes) {
        inFlight.put(file, new Download(totalBytes));
        logged.started(file, from, totalBytes);
    }

    @Override
    public void progressed(String file, long bytesSoFar) {
        Download download = inFlight.get(file);
        if (download != null) {
            download.done = bytesSoFar;
        }
    }

    @Override
    public void finished(String file, long bytes, long nanos) {
        inFlight.remove(file);
        logged.finished(file, bytes, nanos);
    }

    /** The line of the downloads under way ({@link DownloadBar}), or empty when there is none. */
    Optional<String> bar(int columns) {
        List<Map.Entry<String, Download>> all = List.copyOf(inFlight.entrySet());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        if (all.size() == 1) {
            Download one = all.get(0).getValue();
            return Optional.of(DownloadBar.render(all.get(0).getKey(), one.done, one.total, now - one.started, columns));
        }
        long done = 0;
        long total = 0;
        long first = now;
        for (Map.Entry<String, Download> entry : all) {
            Download download = entry.getValue();
            done += download.done;
            total = total < 0 || download.total < 0 ? -1 : total + download.total;
            first = Math.min(first, download.started);
        }
        return Optional.of(DownloadBar.render(all.size() + " files", done, total, now - first, columns));
    }
}
