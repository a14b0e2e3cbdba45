package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A pifpaf server for one test, run as {@code identity}: its own runtime directory
 * ({@code XDG_RUNTIME_DIR}, which holds the server's directory) and a private {@code TMPDIR}, the
 * test drivers on {@code PIFPAF_DRIVERS_PATH} for the server and its clients alike. Closing it
 * stops the server and checks that nothing is left: no process, no data directory, no server
 * directory. Also the waiting and signalling the server tests share.
 */
final class ServerFixture implements AutoCloseable {

    private final Identity identity;
    private final PrivateTmp tmp;
    private final Path runtime;

    ServerFixture(Identity identity) throws IOException {
        this.identity = identity;
        this.tmp = new PrivateTmp();
        this.runtime = Files.createTempDirectory("pifpaf-it-runtime-");
        if (identity == Identity.UNPRIVILEGED_USER) {
            UserPrincipalLookupService users = runtime.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(runtime, users.lookupPrincipalByName("nobody"));
        }
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    }

    PrivateTmp tmp() {
        return tmp;
    }

    /** The server's directory. */
    Path serverDir() {
        return runtime.resolve("pifpaf").resolve("server");
    }

    /** The environment of the server and its clients, with {@code more} on top. */
    Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(tmp.env());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("PIFPAF_SERVER", "");
        env.put("PIFPAF_DRIVERS_PATH", Launcher.TEST_DRIVERS.toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** Runs {@code pifpaf args...} as a client would. */
    Launcher.Result pifpaf(String... args) throws Exception {
        return pifpaf(env(), args);
    }

    /** Runs {@code pifpaf args...} with {@code env}. */
    Launcher.Result pifpaf(Map<String, String> env, String... args) throws Exception {
        return Launcher.run(identity, argv(args), env);
    }

    /** Runs {@code pifpaf args...} without the server ({@code PIFPAF_SERVER=off}), for comparison. */
    Launcher.Result jvm(String... args) throws Exception {
        return pifpaf(env("PIFPAF_SERVER", "off"), args);
    }

    /** Starts pifpaf as a client would, without waiting for it. */
    Process start(String... args) throws IOException {
        return Launcher.start(identity, argv(args), env());
    }

    /** Starts the server, and returns its pid. */
    long startServer(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("server", "start"));
        args.addAll(List.of(options));
        Launcher.Result started = pifpaf(args.toArray(String[]::new));
        assertEquals(0, started.exit(), started.toString());
        return serverPid();
    }

    /** The running server's pid, from its directory. */
    long serverPid() throws IOException {
        return Long.parseLong(Files.readString(serverDir().resolve("pid")).trim().split(" ")[0]);
    }

    /** The data directory of a {@code driver} daemon being started or running, if there is one. */
    Optional<Path> dataDirectory(String driver) {
        try (Stream<Path> entries = Files.list(tmp.path())) {
            return entries.filter(p -> p.getFileName().toString().startsWith("pifpaf-" + driver + "-")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(serverDir().resolve("pid"))) {
                Launcher.Result stopped = pifpaf("server", "stop");
                assertEquals(0, stopped.exit(), stopped.toString());
            }
            assertEquals(List.of(), tmp.leftovers());
            assertEquals(List.of(), entries(serverDir()), () -> "the server's directory is removed; its log: " + log());
        } finally {
            tmp.close();
            try (Stream<Path> files = Files.walk(runtime)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The server's log, for a failure's message. */
    String log() {
        try {
            return Files.readString(serverDir().resolve("log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The first line {@code process} writes to its standard output. */
    static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream())).readLine();
    }

    /** Sends {@code signal} ({@code TERM}, {@code KILL}…) to {@code pid}. */
    static void kill(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start().waitFor();
    }

    /** Whether {@code pid} names a process that runs (not a zombie). */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits until {@code what} holds something, for up to 30 s. */
    static <T> T await(Supplier<Optional<T>> what, String description) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<T> found = what.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("never came: " + description);
    }

    /** Waits until {@code check} holds, for up to {@code millis}. */
    static void await(Check check, long millis, String description) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + description);
            }
            Thread.sleep(10);
        }
    }

    /** A condition that may read the file system or run pifpaf. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private static List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(List.of("pifpaf"));
        argv.addAll(List.of(args));
        return argv;
    }

    private static List<String> entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).toList();
        }
    }
}
