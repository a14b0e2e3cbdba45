package org.pifpaf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pifpaf.runtime.RunningStack;

/**
 * The running daemons of a stack file, started by {@link Pifpaf#stack(java.nio.file.Path)}.
 * {@link #close()} stops them all.
 */
public final class DaemonStack implements AutoCloseable {

    private final RunningStack running;
    private final Map<String, Daemon> daemons = new LinkedHashMap<>();

    DaemonStack(RunningStack running) {
        this.running = running;
        running.daemons().forEach((name, daemon) -> daemons.put(name, new Daemon(daemon, running.prefix(name))));
    }

    /**
     * The daemon the stack file names {@code name}.
     *
     * @throws java.util.NoSuchElementException if there is none
     */
    public Daemon daemon(String name) {
        Daemon daemon = daemons.get(name);
        if (daemon == null) {
            running.daemon(name); // throws, naming the daemons there are
        }
        return daemon;
    }

    /** The daemons by name, in file order. */
    public Map<String, Daemon> daemons() {
        return java.util.Collections.unmodifiableMap(daemons);
    }

    /** Every daemon's variables, in file order. */
    public Map<String, String> environment() {
        return running.environment();
    }

    /** Stops every daemon, each after those that refer to it, and removes their data. */
    @Override
    public void close() {
        running.close();
    }
}
