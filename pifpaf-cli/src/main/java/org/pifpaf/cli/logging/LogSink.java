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
 */
public final class LogSink {

    private static volatile Level consoleLevel = Level.WARN;
    private static volatile PrintStream console = System.err;
    private static volatile Writer file;

    private LogSink() {
    }

    /** Sets the lowest level shown on standard error. */
    public static void consoleLevel(Level level) {
        consoleLevel = level;
    }

    /** Also writes every record at or above the console level to {@code path}. */
    public static synchronized void logFile(Path path) throws IOException {
        file = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Stops writing to standard error (a detached supervisor has nobody to talk to). */
    public static void detachConsole() {
        console = null;
    }

    /** Whether info (or debug) records reach standard error. */
    public static boolean showsInfo() {
        return enabled(Level.INFO);
    }

    static boolean enabled(Level level) {
        return level.toInt() >= consoleLevel.toInt();
    }

    static synchronized void write(Level level, String logger, String message, Throwable thrown) {
        String levelName = level == Level.WARN ? "WARNING" : level.name();
        String record = levelName + " [" + logger + "] " + message;
        PrintStream out = console;
        if (out != null) {
            out.println(record);
            if (thrown != null && consoleLevel.toInt() <= Level.DEBUG.toInt()) {
                thrown.printStackTrace(out);
            }
            out.flush();
        }
        Writer writer = file;
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
