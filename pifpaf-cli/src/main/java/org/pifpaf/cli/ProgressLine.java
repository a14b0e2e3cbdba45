package org.pifpaf.cli;

import java.io.PrintStream;
import org.pifpaf.runtime.StartProgress;

/**
 * One line on a terminal's standard error while a slow start goes on: what it waits for and for
 * how long. It appears only after a moment (fast starts stay silent), and is wiped when the
 * start ends. Off the terminal, or while logging at info or debug level, it does nothing.
 */
final class ProgressLine implements StartProgress, AutoCloseable {

    private static final long QUIET_MILLIS = 400;
    private static final long REDRAW_MILLIS = 100;
    private static final String[] SPINNER = {"|", "/", "-", "\\"};

    private final String what;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private final Thread painter;
    private volatile String waitingFor = "";
    private volatile boolean drawn;

    private ProgressLine(String what, PrintStream err) {
        this.what = what;
        this.err = err;
        this.painter = new Thread(this::paint, "pifpaf-progress");
        painter.setDaemon(true);
    }

    /** A progress line for starting {@code what}, or one that stays silent. */
    static ProgressLine start(String what, boolean enabled) {
        ProgressLine line = new ProgressLine(what, System.err);
        if (enabled && Terminal.progressOnStderr()) {
            line.painter.start();
        }
        return line;
    }

    @Override
    public void waiting(String process, String condition) {
        waitingFor = process + ": waiting for " + condition;
    }

    private void paint() {
        try {
            Thread.sleep(QUIET_MILLIS);
            for (int tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                String text = SPINNER[tick % SPINNER.length] + " starting " + what
                        + (waitingFor.isEmpty() ? "" : " (" + waitingFor + ")") + " " + (millis / 100) / 10.0 + "s";
                synchronized (this) {
                    err.print("\r\u001b[K" + fit(text));
                    err.flush();
                    drawn = true;
                }
                Thread.sleep(REDRAW_MILLIS);
            }
        } catch (InterruptedException e) {
            // The start is over.
        }
    }

    private static String fit(String text) {
        int columns = 80;
        try {
            columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
        } catch (NumberFormatException e) {
            // keep 80
        }
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
