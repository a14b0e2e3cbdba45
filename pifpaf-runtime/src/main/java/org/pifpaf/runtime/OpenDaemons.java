package org.pifpaf.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The daemons of this JVM that are still running. When the JVM exits normally (end of a test
 * run, System.exit, SIGTERM) without closing some of them, a shutdown hook does: a forgotten
 * {@code close()} must not leave daemons and data directories behind.
 */
final class OpenDaemons {

    private static final Set<StartedDaemon> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private OpenDaemons() {
    }

    static void add(StartedDaemon daemon) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(OpenDaemons::closeAll, "pifpaf-shutdown"));
        }
        OPEN.add(daemon);
    }

    static void remove(StartedDaemon daemon) {
        OPEN.remove(daemon);
    }

    private static void closeAll() {
        List<StartedDaemon> open = new ArrayList<>(OPEN);
        open.parallelStream().forEach(StartedDaemon::close);
    }
}
