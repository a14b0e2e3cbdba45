package org.pifpaf.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.pifpaf.runtime.Environment;

/**
 * The detached (eval-mode) instances of this user: one small file per supervisor, under
 * {@code $XDG_RUNTIME_DIR/pifpaf}, else a private directory in the temporary directory. Records
 * whose supervisor is gone are removed when listed.
 */
final class InstanceRecords {

    /**
     * One detached instance.
     *
     * @param pid     the supervisor's pid, which is also the instance's id
     * @param label   the driver, or the stack file
     * @param prefix  the variable prefix
     * @param urls    the daemons' URLs, ';'-separated
     * @param started when it was started (epoch milliseconds)
     */
    record Instance(long pid, String label, String prefix, String urls, long started) {
    }

    private InstanceRecords() {
    }

    /** Where the records live, created (mode 0700) if needed. */
    static Path directory() throws IOException {
        String runtime = Environment.process().nonBlank("XDG_RUNTIME_DIR").orElse(null);
        Path dir = runtime != null && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "pifpaf")
                : Path.of(System.getProperty("java.io.tmpdir"), "pifpaf-instances-" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    /** Records {@code instance} (written whole, then renamed into place). */
    static void write(Instance instance) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("label", instance.label());
        properties.setProperty("prefix", instance.prefix());
        properties.setProperty("urls", instance.urls());
        properties.setProperty("started", Long.toString(instance.started()));
        properties.setProperty("pidStarted", Long.toString(startOf(instance.pid()).orElse(0L)));
        Path dir = directory();
        Path temporary = dir.resolve(instance.pid() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(out, "a detached pifpaf instance");
        }
        Files.move(temporary, dir.resolve(instance.pid() + ".instance"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Forgets the instance of supervisor {@code pid}. */
    static void remove(long pid) {
        try {
            Files.deleteIfExists(directory().resolve(pid + ".instance"));
        } catch (IOException e) {
            // A stale record is cleaned at the next listing.
        }
    }

    /** The instances still running, oldest first; records of dead supervisors are removed. */
    static List<Instance> list() throws IOException {
        List<Instance> running = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".instance")).toList()) {
                Optional<Instance> instance = read(file);
                if (instance.isPresent()) {
                    running.add(instance.get());
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
        running.sort(Comparator.comparingLong(Instance::started));
        return running;
    }

    /** The record in {@code file} if its supervisor still runs (the same process, not a reused pid). */
    private static Optional<Instance> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            String name = file.getFileName().toString();
            long pid = Long.parseLong(name.substring(0, name.indexOf('.')));
            long pidStarted = Long.parseLong(properties.getProperty("pidStarted", "0"));
            if (startOf(pid).filter(start -> Math.abs(start - pidStarted) < 2_000).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Instance(pid, properties.getProperty("label", "?"), properties.getProperty("prefix", "?"),
                    properties.getProperty("urls", ""), Long.parseLong(properties.getProperty("started", "0"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> startOf(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant()).map(Instant::toEpochMilli);
    }
}
