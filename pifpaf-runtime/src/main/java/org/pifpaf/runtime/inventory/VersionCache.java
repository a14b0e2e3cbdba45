package org.pifpaf.runtime.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pifpaf.runtime.system.AtomicFiles;
import org.slf4j.LoggerFactory;

/**
 * The versions {@code list-drivers} found, remembered across runs in the file {@code versions}
 * of the cache directory ({@code $XDG_CACHE_HOME/pifpaf} by default), so that it spawns a binary
 * only when that binary is new or has changed: an entry holds while the file at the path (links followed) keeps its size
 * and modification time. Only versions found are kept; a cache that cannot be read or written
 * is simply not used.
 */
public final class VersionCache {

    private static final String SEPARATOR = "\t";

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean changed;

    /** One remembered version. */
    private record Entry(long size, long modified, String version) {
    }

    private VersionCache(Path file) {
        this.file = file;
    }

    /** A cache that remembers nothing: every binary is asked. */
    static VersionCache none() {
        return new VersionCache(null);
    }

    /** The cache file's name in the cache directory (see {@code UserConfig.effectiveCacheDir}). */
    public static final String FILE_NAME = "versions";

    /** Reads {@code file}; a missing or unreadable file is an empty cache. */
    public static VersionCache load(Path file) {
        VersionCache cache = new VersionCache(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return cache;
        }
        for (String line : lines) {
            String[] fields = line.split(SEPARATOR, -1);
            if (fields.length != 5) {
                continue; // written by another version of pifpaf, or damaged: probe again
            }
            try {
                cache.entries.put(key(fields[2], fields[3]),
                        new Entry(Long.parseLong(fields[0]), Long.parseLong(fields[1]), fields[4]));
            } catch (NumberFormatException e) {
                // Same: that binary is probed again.
            }
        }
        return cache;
    }

    /** The version remembered for {@code executable} run with {@code args}, if it has not changed since. */
    public Optional<String> get(Path executable, List<String> args) {
        Entry entry = entries.get(key(executable.toString(), String.join(" ", args)));
        if (entry == null) {
            return Optional.empty();
        }
        Optional<Entry> now = stat(executable, entry.version());
        return now.isPresent() && now.get().size() == entry.size() && now.get().modified() == entry.modified()
                ? Optional.of(entry.version()) : Optional.empty();
    }

    /** Remembers that {@code executable} run with {@code args} reported {@code version}. */
    public void put(Path executable, List<String> args, String version) {
        String path = executable.toString();
        String joined = String.join(" ", args);
        if ((path + joined + version).chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
            return; // cannot be written on one line
        }
        stat(executable, version).ifPresent(entry -> {
            entries.put(key(path, joined), entry);
            changed = true;
        });
    }

    /** Writes the cache back if anything was added, replacing the file in one step. */
    public void save() {
        if (!changed || file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        entries.forEach((key, entry) -> lines.add(entry.size() + SEPARATOR + entry.modified() + SEPARATOR + key
                + SEPARATOR + entry.version()));
        try {
            AtomicFiles.writeLines(file, lines);
        } catch (IOException | RuntimeException e) {
            // A cache only: the next run probes again.
            LoggerFactory.getLogger("pifpaf").debug("cannot write the version cache {}: {}", file, e.toString());
        }
    }

    private static Optional<Entry> stat(Path executable, String version) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(executable, BasicFileAttributes.class);
            return Optional.of(new Entry(attributes.size(), attributes.lastModifiedTime().toMillis(), version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String key(String path, String args) {
        return path + SEPARATOR + args;
    }
}
