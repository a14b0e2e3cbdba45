package org.pifpaf.runtime.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pifpaf.runtime.system.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which driver names each drivers-directory unit provides, remembered across runs in the file
 * {@value #FILE_NAME} of the cache directory, so that a run loads only the units providing the
 * driver it needs. An entry holds while its unit's {@link UnitStamp} is unchanged. Only units
 * that loaded and provided drivers are recorded: a broken one is tried (and warned about) on
 * every run until it loads.
 *
 * <p>The file holds a header line, then one line per unit: its real path, the names it provides
 * (comma-separated), and one field per jar of its {@link UnitStamp}, separated by tabs.
 *
 * <p>The file is a cache: when it is missing, damaged or cannot be written, the index is empty
 * and every unit is loaded, as without one. It is replaced in one step, so concurrent runs each
 * read a whole file; when two write at once, the last one wins and the entries only it lacked
 * are recorded again by a later run.
 */
public final class DriverIndex {

    /** The index file's name in the cache directory. */
    public static final String FILE_NAME = "driver-index";

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final String HEADER = "pifpaf driver index 1";
    private static final String SEPARATOR = "\t";

    private final Path file;
    private final Map<String, Entry> entries;
    private boolean changed;

    /** What one unit provided in one state. */
    private record Entry(List<String> files, Set<String> names) {
    }

    private DriverIndex(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** An index that knows nothing and writes nothing: every unit is loaded. */
    public static DriverIndex none() {
        return new DriverIndex(null, new HashMap<>());
    }

    /** Reads {@code file}; a missing, unreadable or damaged file is an empty index (rewritten on save). */
    public static DriverIndex load(Path file) {
        try {
            return new DriverIndex(file, parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return new DriverIndex(file, new HashMap<>());
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring the driver index {}: {}", file, e.toString());
            return new DriverIndex(file, new HashMap<>());
        }
    }

    private static Map<String, Entry> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a driver index of this version");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(SEPARATOR, -1);
            if (fields.length < 2 || !Path.of(fields[0]).isAbsolute() || fields[1].isEmpty()) {
                throw new IllegalArgumentException("damaged line: " + line);
            }
            entries.put(fields[0], new Entry(List.of(Arrays.copyOfRange(fields, 2, fields.length)),
                    new TreeSet<>(List.of(fields[1].split(",", -1)))));
        }
        return entries;
    }

    /** The names the unit provides, if this index has an entry for exactly this state of it. */
    public Optional<Set<String>> names(UnitStamp stamp) {
        Entry entry = entries.get(stamp.path());
        return entry != null && entry.files().equals(stamp.files()) ? Optional.of(entry.names()) : Optional.empty();
    }

    /** Records that the unit, in the state {@code stamp}, provides {@code names}; none forgets it. */
    public void record(UnitStamp stamp, Collection<String> names) {
        boolean recordable = !names.isEmpty();
        for (String name : names) {
            recordable &= !name.isEmpty() && writable(name) && name.indexOf(',') < 0;
        }
        if (!recordable) {
            changed |= entries.remove(stamp.path()) != null;
            return;
        }
        Entry entry = new Entry(stamp.files(), new TreeSet<>(names));
        Entry previous = entries.put(stamp.path(), entry);
        // Compared by parts: a record's own equals is bootstrapped at run time, a cost on every start.
        changed |= previous == null || !previous.files().equals(entry.files()) || !previous.names().equals(entry.names());
    }

    /** Forgets the units recorded directly in {@code realDir} other than {@code present} (real paths). */
    public void forgetMissing(Path realDir, Set<String> present) {
        for (Iterator<String> paths = entries.keySet().iterator(); paths.hasNext(); ) {
            String path = paths.next();
            if (!present.contains(path) && realDir.equals(Path.of(path).getParent())) {
                paths.remove();
                changed = true;
            }
        }
    }

    /**
     * Writes the index back if anything changed, without the units that no longer exist,
     * replacing the file in one step; a failure is only logged (at debug level).
     */
    public void save() {
        if (!changed || file == null) {
            return;
        }
        changed = false;
        entries.keySet().removeIf(path -> !Files.exists(Path.of(path)));
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        entries.forEach((path, entry) -> lines.add(path + SEPARATOR + String.join(",", entry.names())
                + (entry.files().isEmpty() ? "" : SEPARATOR + String.join(SEPARATOR, entry.files()))));
        try {
            AtomicFiles.writeLines(file, lines);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot write the driver index {}: {}", file, e.toString());
        }
    }

    /** Whether {@code part} fits in one field of an index line. */
    static boolean writable(String part) {
        return part.indexOf('\t') < 0 && part.indexOf('\n') < 0 && part.indexOf('\r') < 0;
    }
}
