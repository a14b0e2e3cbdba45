package org.pifpaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.Variables;

/**
 * A running daemon started by {@link Pifpaf}: its URL, its variables, typed accessors, and
 * {@link #close()}, which stops it and removes its data.
 */
public final class Daemon implements RunningDaemon {

    private final RunningDaemon running;
    private final String prefix;

    Daemon(RunningDaemon running, String prefix) {
        this.running = running;
        this.prefix = prefix;
    }

    @Override
    public String driver() {
        return running.driver();
    }

    @Override
    public String url() {
        return running.url();
    }

    @Override
    public Map<String, String> environment() {
        return running.environment();
    }

    @Override
    public Path dataDir() {
        return running.dataDir();
    }

    @Override
    public List<DaemonProcess> processes() {
        return running.processes();
    }

    /** The variable prefix, e.g. {@code PIFPAF}. */
    public String prefix() {
        return prefix;
    }

    /**
     * A variable's value, by its full name ({@code PGPORT}, {@code PIFPAF_URL}) or without the
     * prefix ({@code REDIS_PORT}).
     *
     * @throws NoSuchElementException if the daemon exported no such variable
     */
    public String env(String name) {
        return Variables.lookUp(environment(), prefix, name, driver());
    }

    /** The daemon's main port ({@code <PREFIX>_<DRIVER>_PORT}). */
    public int port() {
        return Integer.parseInt(env(driverVariable("PORT")));
    }

    /** A JDBC URL for the daemon ({@code <PREFIX>_<DRIVER>_JDBC_URL}; PostgreSQL and MySQL). */
    public String jdbcUrl() {
        return env(driverVariable("JDBC_URL"));
    }

    /** Everything the daemon's processes have written so far. */
    public String log() {
        StringBuilder text = new StringBuilder();
        for (DaemonProcess process : processes()) {
            try {
                text.append(Files.readString(process.logFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    private String driverVariable(String suffix) {
        return driver().toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
    }

    @Override
    public void close() {
        running.close();
    }

    @Override
    public String toString() {
        return driver() + " at " + url();
    }
}
