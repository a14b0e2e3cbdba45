package org.pifpaf.runtime;

import java.util.List;

/** Waiting for threads that must finish whatever happens (stops, clean-ups). */
final class Threads {

    private Threads() {
    }

    /** Waits for every one of {@code threads} to end; an interrupt meanwhile is kept for afterwards. */
    static void joinUninterruptibly(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
