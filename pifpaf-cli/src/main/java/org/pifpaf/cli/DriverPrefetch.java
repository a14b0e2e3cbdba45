package org.pifpaf.cli;

import java.util.ArrayList;
import java.util.List;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.StartRequest;

/**
 * Loads the driver a {@code run} command line names on a thread of its own, while the calling
 * thread prepares the start ({@link DaemonStarter#prepare}: the reaper, the sweep of stale data
 * directories, a free port, the unprivileged user) and then reads the command line: loading a driver's
 * module layer takes some tens of milliseconds in a JVM that has just started, the preparation
 * about ten, and there are two cores to do them on.
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

    /** If {@code args} hold a {@code run}, starts loading its driver, and prepares the start meanwhile. */
    static void start(DriverRegistry registry, String[] args) {
        // postgresql@16 names the driver postgresql; a malformed version is left for the parser to report.
        List<String> candidates = candidates(args).stream().flatMap(word -> Main.driverPart(word).stream()).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                for (String candidate : candidates) {
                    if (registry.find(candidate).isPresent()) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                // The main thread's own look-up meets it again and reports it.
            }
        }, "pifpaf-prefetch");
        thread.setDaemon(true);
        thread.start();
        // With the defaults: a run that changes them (--run-as, say) prepares its own at its start.
        DaemonStarter.prepare(StartRequest.builder(candidates.get(0)).build());
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
