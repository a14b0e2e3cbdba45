package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pifpaf.runtime.system.UnixUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A memory file system (tmpfs) to hold data directories, where copying a database's template
 * costs a fraction of what it costs on disk: {@code $XDG_RUNTIME_DIR}, else {@code /dev/shm},
 * whichever is a tmpfs with {@link #MIN_FREE} free. With neither, data stays on disk, and the log
 * says so: a daemon's data must never fill memory unnoticed.
 */
final class MemoryDirectory {

    /** The room a memory file system must have left to take data directories. */
    static final long MIN_FREE = 1L << 30;
    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    /** What was chosen for each fallback and runtime directory: looked for, and said, once per JVM. */
    private static final Map<List<String>, Path> CHOSEN = new ConcurrentHashMap<>();

    private MemoryDirectory() {
    }

    /**
     * The memory directory for data directories ({@code $XDG_RUNTIME_DIR} in {@code environment},
     * else {@code /dev/shm}), or {@code fallback} when none has room: with a warning if memory was
     * {@code asked} for, else with a debug line.
     */
    static Path orElse(Path fallback, boolean asked, Environment environment) {
        List<Path> candidates = candidates(environment);
        return CHOSEN.computeIfAbsent(List.of(fallback.toString(), candidates.toString(), String.valueOf(asked)),
                key -> choose(fallback, candidates, asked));
    }

    private static Path choose(Path fallback, List<Path> candidates, boolean asked) {
        List<String> refused = new ArrayList<>();
        for (Path candidate : candidates) {
            Optional<String> why = unusable(candidate);
            if (why.isEmpty()) {
                LOG.info("data directories on memory, in {} ({}=false keeps them in {})", candidate,
                        DataOnMemory.VARIABLE, fallback);
                return candidate;
            }
            refused.add(candidate + " " + why.get());
        }
        String message = "data directories stay in {}: no memory file system with {} MiB free ({})";
        if (asked) {
            LOG.warn(message, fallback, MIN_FREE >> 20, String.join("; ", refused));
        } else {
            LOG.debug(message, fallback, MIN_FREE >> 20, String.join("; ", refused));
        }
        return fallback;
    }

    private static List<Path> candidates(Environment environment) {
        List<Path> candidates = new ArrayList<>();
        environment.nonBlank("XDG_RUNTIME_DIR").ifPresent(runtime -> candidates.add(Path.of(runtime)));
        candidates.add(Path.of("/dev/shm"));
        return candidates;
    }

    /** Why {@code dir} cannot take data directories, or empty when it can. */
    private static Optional<String> unusable(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            if (!store.type().equals("tmpfs")) {
                return Optional.of("is not a tmpfs");
            }
            if (!Files.isWritable(dir)) {
                return Optional.of("is not writable");
            }
            // As root, daemons that refuse root run as another user, who must reach their data
            // directory: /run/user/0 is root's alone.
            if (UnixUser.currentIsRoot() && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return Optional.of("is closed to other users");
            }
            long free = store.getUsableSpace();
            return free >= MIN_FREE ? Optional.empty() : Optional.of("has " + (free >> 20) + " MiB free");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot be used: " + e.getMessage());
        }
    }
}
