package org.pifpaf.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stops processes launched together at once, each on a thread of its own. */
final class StopTogether {

    private StopTogether() {
    }

    /**
     * Stops {@code processes} and waits for all, even when interrupted (the flag is kept). The
     * first failure is rethrown once all have stopped.
     */
    static void stop(List<RestartableProcess> processes) {
        if (processes.size() == 1) {
            processes.get(0).stop();
            return;
        }
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> stoppers = new ArrayList<>();
        for (RestartableProcess process : processes) {
            Thread stopper = new Thread(() -> {
                try {
                    process.stop();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "pifpaf-stop");
            stopper.start();
            stoppers.add(stopper);
        }
        Threads.joinUninterruptibly(stoppers);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
