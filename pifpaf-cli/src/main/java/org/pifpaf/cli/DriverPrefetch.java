package org.pifpaf.cli;

import java.util.ArrayList;
import java.util.List;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.system.Reaper;

/**
 * Loads the driver a {@code run} command line names, and starts the reaper, on a thread of its
 * own while the main thread builds the command-line model: the two take some tens of
 * milliseconds each in a JVM that has just started, and there are two cores to do them on.
 *
 * <p>The driver's name is guessed before parsing: the first words after {@code run} that are not
 * options (an option's value may come first: {@code run --timeout 5 redis}). A wrong guess only
 * costs a look-up in the driver index; the parsed command line decides, and the registry, being
 * thread-safe, hands the main thread what this thread loaded. Failures (a driver conflict, say)
 * are left for the main thread to meet and report.
 */
final class DriverPrefetch {

    /** How many words after {@code run} may name the driver. */
    private static final int CANDIDATES = 2;

    private DriverPrefetch() {
    }

    /** Starts prefetching for {@code args}, if they hold a {@code run}. */
    static void start(DriverRegistry registry, String[] args) {
        List<String> candidates = candidates(args);
        if (candidates.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                for (String candidate : candidates) {
                    if (registry.find(candidate).isPresent()) {
                        Reaper.prepare();
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // The main thread's own look-up meets it again and reports it.
            }
        }, "pifpaf-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The words after the first {@code run} that may name a driver. */
    static List<String> candidates(String[] args) {
        List<String> candidates = new ArrayList<>();
        boolean afterRun = false;
        for (String arg : args) {
            if (arg.equals("--") || candidates.size() == CANDIDATES) {
                break;
            }
            if (!afterRun) {
                afterRun = arg.equals("run");
            } else if (!arg.startsWith("-")) {
                candidates.add(arg);
            }
        }
        return candidates;
    }
}
