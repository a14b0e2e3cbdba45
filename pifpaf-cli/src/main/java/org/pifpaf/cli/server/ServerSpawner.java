package org.pifpaf.cli.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.commandline.ProcessControl;

/**
 * Starts a server detached from whoever asks: in a session of its own ({@code setsid --fork}, so
 * no terminal's signal reaches it and the asking JVM's exit does not wait for it), working from
 * {@code /}, its input from {@code /dev/null} and its output appended to the log in its
 * directory. It is the launcher again ({@code pifpaf server run}), so that it runs on the same
 * Java runtime with the same options (its ahead-of-time cache requires them), with
 * {@code PIFPAF_SERVER=off} so that the launcher does not ask a server to do it.
 */
public final class ServerSpawner {

    /**
     * The script between {@code setsid} and the server: writes the pid the server will have to a
     * file (not to a pipe: the JVM closes the pipe of a child that exited, here {@code setsid},
     * at once, and an {@code echo} after that would kill the script), then becomes the server.
     */
    private static final String SCRIPT = "echo $$ >\"$1\"; log=$2; shift 2; exec \"$@\" </dev/null >>\"$log\" 2>&1";
    private static final long POLL_MILLIS = 10;
    private static final long SPAWN_PATIENCE_NANOS = 5_000_000_000L;

    private ServerSpawner() {
    }

    /**
     * Starts a server in {@code directory}, and returns its pid as soon as it is known (the
     * server is then starting).
     *
     * @param launcher    the command that runs pifpaf (the launcher script)
     * @param idle        the server's idle timeout, as the command line writes it ({@code 30m})
     * @param environment the server's own environment (its clients bring theirs)
     * @throws IOException when it cannot be started
     */
    public static long spawn(ServerDirectory directory, List<String> launcher, String idle, Environment environment)
            throws IOException {
        directory.prepare();
        Path spawned = directory.spawnedFile();
        Files.deleteIfExists(spawned);
        List<String> script = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "pifpaf-server", spawned.toString(),
                directory.log().toString()));
        script.addAll(launcher);
        script.addAll(List.of("server", "run", "--idle", idle));
        List<String> argv = ProcessControl.detached(script)
                .orElseThrow(() -> new IOException("setsid not found; the pifpaf server needs it (util-linux)"));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment.asMap());
        builder.environment().put("PIFPAF_SERVER", "off");
        builder.start();
        long deadline = System.nanoTime() + SPAWN_PATIENCE_NANOS;
        while (System.nanoTime() < deadline) {
            try {
                String written = Files.readString(spawned);
                if (written.endsWith("\n")) { // written whole
                    Files.deleteIfExists(spawned);
                    return Long.parseLong(written.trim());
                }
            } catch (NoSuchFileException | NumberFormatException e) {
                // Not yet.
            }
            sleep();
        }
        throw new IOException("the server did not start (" + argv.get(0) + " did not run it)");
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the server", e);
        }
    }

    /**
     * Waits until the server {@code pid} is ready (its pid file names it), or has exited.
     *
     * @return the server, or empty when it exited first (its log says why) or took longer than {@code patience}
     */
    public static Optional<ServerRecord> awaitReady(ServerDirectory directory, long pid, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ServerRecord> running = ServerRecord.read(directory.pidFile()).filter(r -> r.pid() == pid);
            if (running.isPresent()) {
                return running;
            }
            if (ProcessFacts.startTime(pid).isEmpty()) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.empty();
    }

    /** The last lines of the server's log, to say why it did not start. */
    public static List<String> logTail(ServerDirectory directory, int lines) {
        try {
            List<String> all = Files.readAllLines(directory.log());
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
