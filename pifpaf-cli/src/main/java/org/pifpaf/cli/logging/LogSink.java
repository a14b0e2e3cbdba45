package org.pifpaf.cli.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.event.Level;

/**
 * Where log records go: standard error (never standard output, which belongs to eval output)
 * from the console level up, and a log file, if one is set, at every enabled level.
 * Records read {@code LEVEL [logger] message}, as the original pifpaf printed them.
 *
 * <p>A command line's records take a {@link Route}: this process's own, or, in the pifpaf
 * server, each client's, which the thread serving it {@linkplain #use uses}, and the threads it
 * starts inherit (a start's nested daemons, its progress line, its daemons' output echo). The
 * methods below act on the calling thread's route.
 */
public final class LogSink {

    /** Where one command line's records go, and from which level. */
    public static final class Route {
        private volatile Level consoleLevel = Level.WARN;
        private volatile PrintStream console;
        private volatile Writer file;
        private volatile boolean closed;

        /** A route to {@code console}, from the warnings up, without a log file. */
        public Route(PrintStream console) {
            this.console = console;
        }

        /** Closes its log file; records of threads that still hold it go to the process's route. */
        public synchronized void close() {
            closed = true;
            Writer writer = file;
            file = null;
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // Nothing more will be written to it.
                }
            }
        }
    }

    private static final Route PROCESS = new Route(System.err);
    private static final InheritableThreadLocal<Route> ROUTE = new InheritableThreadLocal<>();

    private LogSink() {
    }

    /** Sends the records of this thread, and of the threads it starts from now on, along {@code route}. */
    public static void use(Route route) {
        ROUTE.set(route);
    }

    /** Ends this thread's own route ({@link Route#close closed}); its records go the process's way again. */
    public static void release() {
        Route route = ROUTE.get();
        ROUTE.remove();
        if (route != null) {
            route.close();
        }
    }

    private static Route current() {
        Route route = ROUTE.get();
        return route == null || route.closed ? PROCESS : route;
    }

    /** Sets the lowest level shown on standard error. */
    public static void consoleLevel(Level level) {
        current().consoleLevel = level;
    }

    /** Also writes every record at or above the console level to {@code path}. */
    public static void logFile(Path path) throws IOException {
        Route route = current();
        synchronized (route) {
            route.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Stops writing to standard error (a detached supervisor has nobody to talk to). */
    public static void detachConsole() {
        current().console = null;
    }

    /** Whether info (or debug) records reach standard error. */
    public static boolean showsInfo() {
        return enabled(Level.INFO);
    }

    static boolean enabled(Level level) {
        return level.toInt() >= current().consoleLevel.toInt();
    }

    static void write(Level level, String logger, String message, Throwable thrown) {
        Route route = current();
        synchronized (route) {
            String levelName = level == Level.WARN ? "WARNING" : level.name();
            String record = levelName + " [" + logger + "] " + message;
            PrintStream out = route.console;
            if (out != null) {
                out.println(record);
                if (thrown != null && route.consoleLevel.toInt() <= Level.DEBUG.toInt()) {
                    thrown.printStackTrace(out);
                }
                out.flush();
            }
            Writer writer = route.file;
            if (writer != null) {
                try {
                    writer.write(record);
                    writer.write(System.lineSeparator());
                    writer.flush();
                } catch (IOException e) {
                    // A log file that fails must not take pifpaf down.
                }
            }
        }
    }
}
