package org.pifpaf.cli;

import java.io.PrintStream;
import org.pifpaf.runtime.StartProgress;
import org.pifpaf.runtime.provision.LoggedTransfers;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * One line on a terminal's standard error while a slow start goes on: what it waits for and for
 * how long, or, while a daemon is being fetched, the downloads' bar ({@link Downloads}). It
 * appears only after a moment (fast starts stay silent), and is wiped when the start ends. Off
 * the terminal, or while logging at info or debug level, it draws nothing, and each download is
 * told by one log line at info level ({@link LoggedTransfers}).
 */
final class ProgressLine implements StartProgress, TransferProgress, AutoCloseable {

    private static final long QUIET_MILLIS = 400;
    private static final long REDRAW_MILLIS = 100;
    private static final String[] SPINNER = {"|", "/", "-", "\\"};

    private final String verb;
    private final String what;
    private final PrintStream err;
    private final Terminal terminal;
    private final long started = System.nanoTime();
    private final Thread painter;
    private volatile String waitingFor = "";
    private volatile boolean drawn;
    private final Downloads downloads = new Downloads();

    private ProgressLine(String verb, String what, Invocation invocation) {
        this.verb = verb;
        this.what = what;
        this.err = invocation.err();
        this.terminal = invocation.terminal();
        this.painter = new Thread(this::paint, "pifpaf-progress");
        painter.setDaemon(true);
    }

    /** A progress line for starting {@code what} (or fetching it) on {@code invocation}'s standard error, or one that stays silent. */
    static ProgressLine start(String what, boolean enabled, Invocation invocation) {
        return drawn(new ProgressLine("starting", what, invocation), enabled);
    }

    /** A progress line for {@code pifpaf fetch}ing {@code what}, or one that stays silent. */
    static ProgressLine fetching(String what, boolean enabled, Invocation invocation) {
        return drawn(new ProgressLine("fetching", what, invocation), enabled);
    }

    private static ProgressLine drawn(ProgressLine line, boolean enabled) {
        if (enabled && line.terminal.progressOnStderr()) {
            line.painter.start();
        }
        return line;
    }

    @Override
    public void waiting(String process, String condition) {
        waitingFor = process + ": waiting for " + condition;
    }

    @Override
    public void started(String file, String from, long totalBytes) {
        downloads.started(file, from, totalBytes);
    }

    @Override
    public void progressed(String file, long bytesSoFar) {
        downloads.progressed(file, bytesSoFar);
    }

    @Override
    public void finished(String file, long bytes, long nanos) {
        downloads.finished(file, bytes, nanos);
    }

    private void paint() {
        try {
            Thread.sleep(QUIET_MILLIS);
            for (int tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                String text = downloads.bar(terminal.columns()).orElse(SPINNER[tick % SPINNER.length] + " " + verb + " " + what
                        + (waitingFor.isEmpty() ? "" : " (" + waitingFor + ")") + " " + (millis / 100) / 10.0 + "s");
                synchronized (this) {
                    err.print("\r\u001b[K" + fit(text, terminal.columns()));
                    err.flush();
                    drawn = true;
                }
                Thread.sleep(REDRAW_MILLIS);
            }
        } catch (InterruptedException e) {
            // The start is over.
        }
    }

    private static String fit(String text, int columns) {
        return text.length() < columns ? text : text.substring(0, Math.max(10, columns - 2)) + "…";
    }

    @Override
    public void close() {
        painter.interrupt();
        try {
            painter.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
