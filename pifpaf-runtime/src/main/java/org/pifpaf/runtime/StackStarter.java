package org.pifpaf.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.RunningDaemon;

/**
 * Starts the daemons of a stack file in parallel: each starts as soon as the daemons it refers
 * to are ready. If one fails (or the caller is interrupted), the starts still under way are
 * interrupted, every daemon already started is stopped, and the first failure is thrown.
 */
public final class StackStarter {

    private final DaemonStarter starter;

    /** A stack starter over {@code starter}. */
    public StackStarter(DaemonStarter starter) {
        this.starter = starter;
    }

    /**
     * Starts every daemon of {@code stack}. Port options a daemon does not set get free ports,
     * so that several daemons of one driver do not collide.
     *
     * @param settings applied to each daemon's request before its driver, options and prefix
     *                 (timeout, keep-data, run-as, output echo)
     * @throws StartFailedException    when a daemon cannot start (its name leads the message)
     * @throws InvalidRequestException when a resolved option value is invalid
     */
    public RunningStack start(StackDefinition stack, UnaryOperator<StartRequest.Builder> settings) {
        Map<String, RunningDaemon> started = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<RunningDaemon>> starts = new LinkedHashMap<>();
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        CompletableFuture<Void> failed = new CompletableFuture<>();
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
        try {
            for (StackEntry entry : stack.topologicalOrder()) {
                CompletableFuture<?>[] dependencies = entry.dependencies().stream()
                        .map(starts::get).toArray(CompletableFuture[]::new);
                CompletableFuture<RunningDaemon> start = CompletableFuture.allOf(dependencies).thenApplyAsync(ready -> {
                    try {
                        RunningDaemon daemon = startOne(stack, entry, started, settings);
                        started.put(entry.name(), daemon);
                        return daemon;
                    } catch (RuntimeException e) {
                        firstFailure.compareAndSet(null, named(entry, e));
                        throw e;
                    }
                }, pool);
                start.whenComplete((daemon, error) -> {
                    if (error != null) {
                        failed.complete(null);
                    }
                });
                starts.put(entry.name(), start);
            }
            CompletableFuture.anyOf(CompletableFuture.allOf(starts.values().toArray(CompletableFuture[]::new)), failed)
                    .get();
        } catch (InterruptedException e) {
            firstFailure.compareAndSet(null, new StartFailedException("start interrupted", List.of(), e));
        } catch (ExecutionException e) {
            firstFailure.compareAndSet(null, new StartFailedException(e.getCause().toString(), List.of(), e.getCause()));
        } finally {
            if (firstFailure.get() != null) {
                pool.shutdownNow(); // interrupts the starts under way: they stop what they started
                awaitSettled(starts.values());
            }
            pool.shutdown();
        }
        RuntimeException failure = firstFailure.get();
        RunningStack stackHandle = new RunningStack(stack, started);
        if (failure != null) {
            stackHandle.close();
            if (failure instanceof StartFailedException && failure.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        }
        return stackHandle;
    }

    private RunningDaemon startOne(StackDefinition stack, StackEntry entry, Map<String, RunningDaemon> started,
                                   UnaryOperator<StartRequest.Builder> settings) {
        Map<String, String> options = new LinkedHashMap<>();
        starter.registry().find(entry.driver()).ifPresent(descriptor -> {
            for (DriverOption option : descriptor.driver().options()) {
                if (option.type() == DriverOption.Type.PORT) {
                    options.put(option.name(), "0");
                }
            }
        });
        options.putAll(entry.resolvedOptions(stack, name -> started.get(name).environment()));
        StartRequest.Builder request = settings.apply(StartRequest.builder(entry.driver()))
                .options(options).prefix(entry.prefix());
        return starter.start(request.build());
    }

    /** The failure with the daemon's name in front (and, for bad values, where it is declared). */
    private static RuntimeException named(StackEntry entry, RuntimeException e) {
        if (e instanceof StartFailedException failed) {
            return new StartFailedException(entry.name() + ": " + failed.getMessage(), failed.logTail(), failed);
        }
        if (e instanceof InvalidRequestException && !(e instanceof StackFileException)) {
            return new InvalidRequestException(entry.name() + " (line " + entry.line() + "): " + e.getMessage());
        }
        return e;
    }

    private static void awaitSettled(Iterable<CompletableFuture<RunningDaemon>> starts) {
        boolean interrupted = Thread.interrupted();
        for (CompletableFuture<RunningDaemon> start : starts) {
            while (true) {
                try {
                    start.handle((daemon, error) -> null).get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the stops must finish first
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "pifpaf-stack-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
