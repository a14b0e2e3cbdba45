package org.pifpaf.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pifpaf.api.RunningDaemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemons of a stack file. {@link #close()} stops them, each after the daemons that
 * refer to it.
 */
public final class RunningStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final StackDefinition definition;
    private final Map<String, RunningDaemon> daemons;
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningStack(StackDefinition definition, Map<String, RunningDaemon> started) {
        this.definition = definition;
        Map<String, RunningDaemon> inOrder = new LinkedHashMap<>();
        for (StackEntry entry : definition.daemons()) {
            RunningDaemon daemon = started.get(entry.name());
            if (daemon != null) {
                inOrder.put(entry.name(), daemon);
            }
        }
        this.daemons = Collections.unmodifiableMap(inOrder);
    }

    /** What the stack file said. */
    public StackDefinition definition() {
        return definition;
    }

    /** The daemons by name, in file order. */
    public Map<String, RunningDaemon> daemons() {
        return daemons;
    }

    /**
     * The daemon named {@code name} in the stack file.
     *
     * @throws NoSuchElementException if there is none
     */
    public RunningDaemon daemon(String name) {
        RunningDaemon daemon = daemons.get(name);
        if (daemon == null) {
            throw new NoSuchElementException("the stack has no daemon named '" + name + "'; it has " + daemons.keySet());
        }
        return daemon;
    }

    /** The variable prefix of the daemon named {@code name}. */
    public String prefix(String name) {
        return definition.entry(name).orElseThrow().prefix();
    }

    /** Every daemon's variables, in file order. */
    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>();
        daemons.values().forEach(daemon -> all.putAll(daemon.environment()));
        return all;
    }

    /** Stops every daemon, dependents first; every one is stopped even if another fails to. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<StackEntry> order = new ArrayList<>(definition.topologicalOrder());
        Collections.reverse(order);
        for (StackEntry entry : order) {
            RunningDaemon daemon = daemons.get(entry.name());
            if (daemon != null) {
                try {
                    daemon.close();
                } catch (RuntimeException e) {
                    LOG.warn("stopping {} failed: {}", entry.name(), e.toString());
                }
            }
        }
    }
}
