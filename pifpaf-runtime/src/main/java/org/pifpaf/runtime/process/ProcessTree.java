package org.pifpaf.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.pifpaf.api.Signal;
import org.pifpaf.runtime.system.ProcessStatus;
import org.pifpaf.runtime.system.SharedMemoryFiles;
import org.pifpaf.runtime.system.Signals;

/**
 * Stops a process and everything it started: the stop signal to the process, a grace period,
 * then SIGTERM to what is left of its tree and SIGKILL to whatever still resists, including
 * its process group (which catches children that were re-parented after a double fork).
 */
public final class ProcessTree {

    /**
     * How often a stop checks whether processes are gone: soon at first, since most go within a
     * few milliseconds of their signal, then every 5 ms.
     */
    private static final long FIRST_POLL_NANOS = 100_000;
    private static final long MAX_POLL_NANOS = 5_000_000;
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(2);

    private ProcessTree() {
    }

    /**
     * Stops {@code root} with {@code signal}, waiting up to {@code grace} before killing.
     *
     * @param ownGroup whether {@code root} leads its own process group (it was started with setsid)
     */
    public static void stop(ProcessHandle root, Signal signal, Duration grace, boolean ownGroup) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(root.descendants().toList());
        if (ProcessStatus.isRunning(root.pid())) {
            Signals.send(root.pid(), signal);
            if (!awaitGone(List.of(root), grace)) {
                tree.addAll(root.descendants().toList());
                Signals.send(root.pid(), Signal.KILL);
            }
        }
        List<ProcessHandle> leftovers = running(tree);
        if (!leftovers.isEmpty()) {
            leftovers.forEach(p -> Signals.send(p.pid(), Signal.TERM));
            if (!awaitGone(leftovers, LEFTOVER_GRACE)) {
                running(leftovers).forEach(p -> Signals.send(p.pid(), Signal.KILL));
                awaitGone(leftovers, LEFTOVER_GRACE);
            }
        }
        if (ownGroup) {
            Signals.sendToGroup(root.pid(), Signal.KILL);
        }
        awaitGone(List.of(root), LEFTOVER_GRACE);
    }

    /**
     * Kills {@code root}, its tree and its group at once, then removes what they mapped from
     * {@code /dev/shm}: killed, they could not (an interrupted initdb's PostgreSQL backend).
     */
    public static void kill(ProcessHandle root, boolean ownGroup) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        Set<Path> sharedMemory = SharedMemoryFiles.mappedBy(tree);
        Signals.send(root.pid(), Signal.KILL);
        tree.forEach(p -> Signals.send(p.pid(), Signal.KILL));
        if (ownGroup) {
            Signals.sendToGroup(root.pid(), Signal.KILL);
        }
        if (awaitGone(tree, LEFTOVER_GRACE)) {
            SharedMemoryFiles.remove(sharedMemory);
        }
    }

    private static List<ProcessHandle> running(Iterable<ProcessHandle> processes) {
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle p : processes) {
            if (ProcessStatus.isRunning(p.pid())) {
                alive.add(p);
            }
        }
        return alive;
    }

    private static boolean awaitGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long poll = FIRST_POLL_NANOS;
        while (!running(processes).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(poll);
            if (Thread.currentThread().isInterrupted()) {
                // The caller goes on stopping (killing, if need be) without waiting; the flag stays set.
                return running(processes).isEmpty();
            }
            poll = Math.min(poll * 2, MAX_POLL_NANOS);
        }
        return true;
    }
}
