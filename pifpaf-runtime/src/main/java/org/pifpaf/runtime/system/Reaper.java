package org.pifpaf.runtime.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.pifpaf.api.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small watcher process that cleans up after this JVM if it is killed without running any code
 * (SIGKILL, a crash): a JVM cannot do that itself.
 *
 * <p>The watcher is a shell script ({@code reaper.sh}) in its own session, reading a pipe from
 * this JVM. The runtime records each process group it starts and each data directory it
 * creates, and withdraws them once they are dealt with. If the pipe closes with records left,
 * the owner died: the script kills the groups (and any process still working in a recorded
 * directory) and removes the directories. Without a shell the runtime works on, unwatched.
 *
 * <p>The script also sends the signals that Java cannot ({@link #signal}): a signal to a process
 * group, or other than SIGTERM and SIGKILL. Its shell's {@code kill} built-in does that in a
 * fraction of a millisecond, where starting {@code kill(1)} costs a few.
 *
 * <p>At a normal exit with nothing recorded, a shutdown hook closes the pipe and lets the script
 * end first: while it runs, a JVM thread waits for it in native code, and the JVM's exit waits
 * up to 300 ms for such threads.
 */
public final class Reaper {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final Object LOCK = new Object();
    private static OutputStream pipe;
    /** The script's answers to signal requests. */
    private static InputStream answers;
    private static boolean tried;
    private static Process watcher;
    /** What the script holds now ("g PGID", "d DIR"). */
    private static final Set<String> RECORDED = new HashSet<>();

    private Reaper() {
    }

    /** Starts the watcher now, if it is not running yet, rather than at the first record. */
    public static void prepare() {
        synchronized (LOCK) {
            pipe();
        }
    }

    /** Watches process group {@code pgid} (its leader's pid). */
    public static void watchGroup(long pgid) {
        send("+g " + pgid);
    }

    /** Stops watching process group {@code pgid}. */
    public static void releaseGroup(long pgid) {
        send("-g " + pgid);
    }

    /** Watches data directory {@code dir}. */
    public static void watchDirectory(Path dir) {
        send("+d " + dir);
    }

    /** Stops watching data directory {@code dir}. */
    public static void releaseDirectory(Path dir) {
        send("-d " + dir);
    }

    /**
     * Has the script send {@code signal} to {@code target} (a pid, or {@code -PGID} for a process
     * group), as {@code kill -s SIGNAL -- TARGET} does; a target that does not exist is not an error.
     *
     * @return false when there is no script to do it (the caller then sends it another way)
     */
    public static boolean signal(Signal signal, String target) {
        synchronized (LOCK) {
            OutputStream out = pipe();
            if (out == null) {
                return false;
            }
            try {
                out.write(("s " + signal.name() + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitAnswer();
                return true;
            } catch (IOException e) {
                LOG.warn("the reaper is gone; daemons will not be cleaned up if this process is killed");
                pipe = null;
                return false;
            }
        }
    }

    /** Waits for the script's answer (kill's exit status, then a newline), which says it is done. */
    private static void awaitAnswer() throws IOException {
        int c;
        do {
            c = answers.read();
        } while (c != '\n' && c != -1);
        if (c == -1) {
            throw new IOException("the reaper closed its output");
        }
    }

    private static void send(String record) {
        if (record.indexOf('\n') >= 0) {
            return; // a path with a newline cannot be recorded; the sweep at start-up remains
        }
        synchronized (LOCK) {
            OutputStream out = pipe();
            if (out == null) {
                return;
            }
            try {
                out.write((record + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (record.startsWith("+")) {
                    RECORDED.add(record.substring(1));
                } else {
                    RECORDED.remove(record.substring(1));
                }
            } catch (IOException e) {
                LOG.warn("the reaper is gone; daemons will not be cleaned up if this process is killed");
                pipe = null;
            }
        }
    }

    private static OutputStream pipe() {
        if (!tried) {
            tried = true;
            pipe = start();
        }
        return pipe;
    }

    /** The shutdown hook: with nothing recorded, ends the script (briefly waited for) before the JVM exits. */
    private static void letGoIfIdle() {
        Process process;
        synchronized (LOCK) {
            if (pipe == null || !RECORDED.isEmpty()) {
                return; // something is still being cleaned up: the script stays on guard
            }
            try {
                pipe.close();
            } catch (IOException e) {
                // It is gone already.
            }
            pipe = null;
            process = watcher;
        }
        try {
            process.waitFor(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutputStream start() {
        Path sh = Path.of("/bin/sh");
        if (!Files.isExecutable(sh)) {
            return null;
        }
        try (InputStream script = Reaper.class.getResourceAsStream("reaper.sh")) {
            if (script == null) {
                return null;
            }
            List<String> argv = new ArrayList<>();
            if (SystemTools.SETSID != null) {
                argv.add(SystemTools.SETSID.toString()); // its own session: a terminal's Ctrl-C passes it by
            }
            argv.addAll(List.of(sh.toString(), "-c", new String(script.readAllBytes(), StandardCharsets.UTF_8),
                    "pifpaf-reaper"));
            watcher = new ProcessBuilder(argv)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(Reaper::letGoIfIdle, "pifpaf-reaper"));
            answers = watcher.getInputStream();
            return watcher.getOutputStream();
        } catch (IOException e) {
            LOG.debug("cannot start the reaper: {}", e.toString());
            return null;
        }
    }
}
