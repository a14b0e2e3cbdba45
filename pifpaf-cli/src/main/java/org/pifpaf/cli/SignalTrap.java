package org.pifpaf.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Catches SIGINT, SIGTERM and SIGHUP and turns the first one into an interrupt of the thread
 * doing the work, which then stops what it started and exits with 128+N. (A shutdown hook
 * could clean up too, but could not tell which signal came, nor set the exit status.)
 */
final class SignalTrap {

    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private final AtomicInteger received = new AtomicInteger();

    private SignalTrap() {
    }

    /** Installs the handlers; a signal interrupts {@code worker}. */
    static SignalTrap install(Thread worker) {
        SignalTrap trap = new SignalTrap();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (trap.received.compareAndSet(0, signal.getNumber())) {
                        worker.interrupt();
                    }
                });
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal here (e.g. -Xrs); the default action stays.
            }
        }
        return trap;
    }

    /** Whether a signal has arrived. */
    boolean fired() {
        return received.get() != 0;
    }

    /** The number of the first signal received, 0 if none. */
    int signalNumber() {
        return received.get();
    }

    /** The exit status for the signal received: 128+N. */
    int exitStatus() {
        return ExitCodes.SIGNAL_BASE + received.get();
    }
}
