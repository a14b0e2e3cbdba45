package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.MissingDriverException;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.api.NestedRequest;

/**
 * The daemons one start nests ({@link org.pifpaf.api.DriverContext#daemon}): each started like a
 * top-level daemon, in a directory inside the outer one and with the outer start's settings,
 * its variables handed to the outer daemon (those of daemons started together once all are
 * ready, in the order asked, so that the first asked wins whichever is ready first), and all
 * closed, newest first, after the outer daemon's own processes stopped.
 */
final class NestedDaemons {

    private final DaemonDriver outer;
    private final Path dataDir;
    private final StartSettings settings;
    private final Consumer<Map<String, String>> variablesSink;
    private final List<StartedDaemon> started = new CopyOnWriteArrayList<>();

    /** @param variablesSink takes each nested daemon's variables, for the outer daemon, in the order they win */
    NestedDaemons(DaemonDriver outer, Path dataDir, StartSettings settings, Consumer<Map<String, String>> variablesSink) {
        this.outer = outer;
        this.dataDir = dataDir;
        this.settings = settings;
        this.variablesSink = variablesSink;
    }

    /** A request to start a daemon of {@code driver}. */
    NestedRequest request(String driver) {
        return new Request(driver);
    }

    /** Starts {@code requests} at once; when one fails, the others are abandoned too and its failure thrown. */
    List<NestedDaemon> startAll(List<NestedRequest> requests) {
        List<Request> own = requests.stream().map(this::own).toList();
        if (own.size() == 1) {
            return List.of(start(own.get(0)));
        }
        StartedDaemon[] results = new StartedDaemon[own.size()];
        BlockingQueue<RuntimeException> failures = new LinkedBlockingQueue<>();
        BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    results[index] = startQuietly(own.get(index));
                } catch (RuntimeException e) {
                    failures.add(e);
                } finally {
                    done.add(index);
                }
            }, "pifpaf-nested-" + own.get(i).driver);
            thread.start();
            threads.add(thread);
        }
        try {
            for (int finished = 0; finished < threads.size() && failures.isEmpty(); finished++) {
                done.take();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Threads.joinUninterruptibly(threads);
            Thread.currentThread().interrupt();
            throw new StartInterruptedException();
        }
        if (!failures.isEmpty()) {
            threads.forEach(Thread::interrupt); // each abandons its start and cleans up
            Threads.joinUninterruptibly(threads);
            throw failures.peek();
        }
        for (StartedDaemon daemon : results) {
            variablesSink.accept(daemon.environment());
        }
        return List.<NestedDaemon>of(results);
    }

    private Request own(NestedRequest request) {
        if (request instanceof Request mine && mine.owner() == this) {
            return mine;
        }
        throw new IllegalArgumentException("not a request of this start: " + request);
    }

    private NestedDaemon start(Request request) {
        StartedDaemon daemon = startQuietly(request);
        variablesSink.accept(daemon.environment());
        return daemon;
    }

    /** Starts the daemon {@code request} asks for, without handing its variables over. */
    private StartedDaemon startQuietly(Request request) {
        StartSettings.checkNotInterrupted();
        NestedDriver declared = outer.nestedDrivers().stream().filter(n -> n.name().equals(request.driver)).findFirst()
                .orElseThrow(() -> new DriverException("driver " + outer.name() + " starts '" + request.driver
                        + "' without declaring it in nestedDrivers()"));
        DaemonDriver driver = settings.registry().find(request.driver)
                .orElseThrow(() -> new MissingDriverException(declared, outer.name())).driver();
        OptionValues options;
        try {
            options = OptionValues.of(driver, withFreePorts(driver, request.options));
        } catch (InvalidRequestException e) {
            throw new DriverException(outer.name() + " asks " + driver.name() + " for " + e.getMessage(), e);
        }
        Path dir = newDirectory(driver.name());
        StartedDaemon daemon;
        try {
            daemon = DaemonStarter.startIn(driver, options, dir, settings.nestedIn(driver.name()), false);
        } catch (StartFailedException e) {
            throw new NestedStartFailure(e);
        }
        started.add(daemon);
        return daemon;
    }

    /** Ports the outer driver leaves unset are free ones, as in the Java fixtures. */
    private static Map<String, String> withFreePorts(DaemonDriver driver, Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>();
        for (DriverOption option : driver.options()) {
            if (option.type() == DriverOption.Type.PORT) {
                all.put(option.name(), "0");
            }
        }
        all.putAll(given);
        return all;
    }

    /**
     * {@code <outer data>/<driver>} (then {@code -2}, {@code -3}, ...), only its owner's. As root,
     * the outer directory lets the unprivileged user's group through (mode 0710), so that a
     * nested daemon run as that user reaches its own directory, and no one else's.
     */
    private synchronized Path newDirectory(String driver) {
        try {
            Path dir = dataDir.resolve(driver);
            for (int n = 2; Files.exists(dir); n++) {
                dir = dataDir.resolve(driver + "-" + n);
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (settings.unprivilegedUser() != null) {
                UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
                Files.setAttribute(dataDir, "posix:group",
                        users.lookupPrincipalByGroupName(Integer.toString(settings.unprivilegedUser().gid())));
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x---"));
            }
            return dir;
        } catch (IOException e) {
            throw new DriverException("cannot create a data directory for " + driver + " in " + dataDir + ": " + e, e);
        }
    }

    /** The nested daemons' processes, in order of start. */
    List<DaemonProcess> processes() {
        List<DaemonProcess> all = new ArrayList<>();
        started.forEach(daemon -> all.addAll(daemon.processes()));
        return all;
    }

    /** Closes every nested daemon, the newest first; each close runs even if another fails. */
    void closeAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger("pifpaf").warn("stopping {} failed: {}", started.get(i).driver(), e.toString());
            }
        }
        started.clear();
    }

    /** A nested daemon asked for. */
    private final class Request implements NestedRequest {
        private final String driver;
        private final Map<String, String> options = new LinkedHashMap<>();

        Request(String driver) {
            this.driver = driver;
        }

        NestedDaemons owner() {
            return NestedDaemons.this;
        }

        @Override
        public NestedRequest option(String name, Object value) {
            options.put(name, String.valueOf(value));
            return this;
        }

        @Override
        public NestedRequest options(Map<String, ?> values) {
            values.forEach(this::option);
            return this;
        }

        @Override
        public NestedDaemon start() {
            return NestedDaemons.this.start(this);
        }

        @Override
        public String toString() {
            return driver + " " + options;
        }
    }
}
