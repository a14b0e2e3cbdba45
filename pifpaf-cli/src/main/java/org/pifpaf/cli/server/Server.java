package org.pifpaf.cli.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pifpaf server: a resident JVM that serves the launcher's clients, each request on a
 * thread of its own, through a FIFO in its {@link ServerDirectory}. It watches each client
 * (a killed client's daemon is stopped at once), exits after a while without work, and, told to
 * stop, takes no new request (those go to pifpaf's JVM) but lets the runs it serves finish.
 */
public final class Server {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf.server");
    private static final long WATCH_MILLIS = 100;
    private static final long COLLECT_AFTER_NANOS = 1_000_000_000L;

    /** Serves one session: what to do for a request is the command line's business. */
    @FunctionalInterface
    public interface Handler {
        /** Serves {@code session} to its end: a fallback, an exit status, or the client gone. */
        void serve(Session session) throws Exception;
    }

    private final ServerDirectory directory;
    private final Duration idle;
    private final Handler handler;
    private final Path home;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile long lastActivity = System.nanoTime();
    private volatile FileChannel requests;

    /**
     * @param idle how long to wait for work before exiting
     * @param home the distribution home served, which clients compare with their own
     */
    public Server(ServerDirectory directory, Duration idle, Handler handler, Path home) {
        this.directory = directory;
        this.idle = idle;
        this.handler = handler;
        this.home = home;
    }

    /**
     * Runs the server until it is told to stop, or has been idle long enough, and its runs have
     * ended.
     *
     * @throws IOException when it cannot start: the directory cannot be used, the FIFO not made
     * @throws AlreadyRunningException when another server has the directory
     */
    public void run() throws IOException {
        directory.prepare();
        try (FileChannel lockChannel = FileChannel.open(directory.lockFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockChannel.tryLock()) {
            if (lock == null) {
                throw new AlreadyRunningException(directory.runningServer());
            }
            ClientFiles.sweep(directory);
            makeFifo();
            try (FileChannel fifo = FileChannel.open(directory.fifo(), StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                requests = fifo;
                Files.writeString(directory.homeFile(), home + "\n");
                ServerRecord.self().write(directory.pidFile());
                LOG.info("serving {} in {}, idle timeout {}", home, directory.path(), idle);
                Thread watch = new Thread(this::watch, "pifpaf-server-watch");
                watch.setDaemon(true);
                watch.start();
                read(fifo);
            } finally {
                withdraw();
            }
            removeDirectory(); // under the lock: a server starting meanwhile finds it held
        }
    }

    /** Takes no new request, and exits once the runs being served have ended. */
    public void stop(String why) {
        if (draining.compareAndSet(false, true)) {
            LOG.info("stopping ({}); {} run(s) being served", why, sessions.size());
            withdraw();
            closeWhenIdle();
        }
    }

    private void read(FileChannel fifo) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(fifo),
                StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<Wire.ClientLine> parsed = Wire.parse(line);
                if (parsed.isEmpty()) {
                    LOG.warn("ignored a line that is not of the protocol: {}", line);
                } else if (parsed.get().kind() == 'R') {
                    accept(parsed.get());
                } else {
                    Session session = sessions.get(parsed.get().tag());
                    if (session != null) {
                        session.deliver(parsed.get().kind() == 'D' ? new Session.CommandEnded(parsed.get().number())
                                : new Session.Signalled(parsed.get().number()));
                    }
                }
            }
        } catch (IOException e) {
            if (!draining.get()) {
                LOG.error("cannot read requests any more: {}", e.toString());
            }
        }
    }

    /** Starts serving a request on a thread of its own (or sends it to the JVM while stopping). */
    private void accept(Wire.ClientLine line) {
        OptionalLong started = ProcessFacts.startTime(line.clientPid());
        Session session;
        try {
            Request request = Request.read(directory, line.tag(), line.clientPid());
            session = new Session(request, started.orElse(-1), ReplyChannel.open(directory.clientFile(line.tag(), 'r')));
        } catch (IOException e) {
            LOG.warn("cannot take request {}: {}", line.tag(), e.getMessage());
            ClientFiles.remove(directory, line.tag());
            return;
        }
        Optional<String> problem = directory.problem();
        if (started.isEmpty() || draining.get() || problem.isPresent()) {
            if (problem.isPresent()) {
                LOG.warn("not serving: {}", problem.get());
            }
            session.fallBack(problem.orElse(draining.get() ? "the server is stopping" : "the client is gone"));
            session.close();
            return;
        }
        sessions.put(line.tag(), session);
        Thread thread = new Thread(() -> serve(line.tag(), session), "pifpaf-serve-" + line.tag());
        session.servedBy(thread);
        thread.start();
    }

    private void serve(String tag, Session session) {
        try {
            handler.serve(session);
        } catch (Exception | LinkageError e) {
            // Nothing was started for it, or it was stopped: the JVM path can do it instead.
            LOG.error("serving {} failed", tag, e);
            if (!session.clientGone()) {
                session.fallBack("the server failed: " + e);
            }
        } finally {
            session.close();
            sessions.remove(tag);
            if (!session.fellBack()) { // idle means no run served: those sent back (server status, say) do not count
                lastActivity = System.nanoTime();
            }
            if (draining.get()) {
                closeWhenIdle();
            }
        }
    }

    /**
     * Every 100 ms: clients that died (their daemons are stopped at once), and the idle timeout.
     * A second after the last run ended, a full collection gives the heap back (the serial
     * collector shrinks it to what is live), so that a server left waiting costs little memory;
     * runs back to back do not pay for it.
     */
    private void watch() {
        boolean collected = true;
        while (true) {
            try {
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            for (Session session : sessions.values()) {
                if (!session.clientRunning()) {
                    session.deliver(new Session.ClientGone());
                }
            }
            if (sessions.isEmpty() && System.nanoTime() - lastActivity > idle.toNanos()) {
                stop("idle for " + idle);
            }
            if (!sessions.isEmpty()) {
                collected = false;
            } else if (!collected && System.nanoTime() - lastActivity > COLLECT_AFTER_NANOS) {
                collected = true;
                System.gc();
            }
        }
    }

    /** Removes the names clients find the server by: new clients run pifpaf's JVM. Those that hold the FIFO open still reach it. */
    private void withdraw() {
        try {
            // The pid first: the launcher reads it before it opens the FIFO.
            if (ServerRecord.read(directory.pidFile()).filter(r -> r.pid() == ProcessHandle.current().pid()).isPresent()) {
                Files.deleteIfExists(directory.pidFile());
            }
            Files.deleteIfExists(directory.fifo());
            Files.deleteIfExists(directory.homeFile());
        } catch (IOException e) {
            LOG.warn("cannot remove the server's files: {}", e.toString());
        }
    }

    private void closeWhenIdle() {
        FileChannel fifo = requests;
        if (sessions.isEmpty() && fifo != null) {
            try {
                fifo.close(); // the reading loop ends
            } catch (IOException e) {
                // It is closed.
            }
        }
    }

    private void makeFifo() throws IOException {
        Files.deleteIfExists(directory.fifo());
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", directory.fifo().toString())
                    .redirectErrorStream(true).start();
            String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (mkfifo.waitFor() != 0) {
                throw new IOException("mkfifo " + directory.fifo() + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + directory.fifo(), e);
        }
    }

    /** A clean exit leaves nothing: the log and the lock go with the directory (a failed start keeps its log). */
    private void removeDirectory() {
        try {
            Files.deleteIfExists(directory.log());
            Files.deleteIfExists(directory.lockFile());
            Files.deleteIfExists(directory.path());
        } catch (IOException e) {
            LOG.debug("left {}: {}", directory.path(), e.toString());
        }
    }

    /** Another server has the directory. */
    public static final class AlreadyRunningException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<ServerRecord> running;

        AlreadyRunningException(Optional<ServerRecord> running) {
            super("a pifpaf server runs already" + running.map(r -> " (pid " + r.pid() + ")").orElse(""));
            this.running = running;
        }

        /** The server that runs, if it could be read. */
        public Optional<ServerRecord> running() {
            return running;
        }
    }
}
