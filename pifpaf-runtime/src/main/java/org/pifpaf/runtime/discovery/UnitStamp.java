package org.pifpaf.runtime.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One state of a drivers-directory unit, as the {@link DriverIndex} remembers it: the unit's
 * real path, and for its jar (or each jar of a sub-directory) the size, modification and change
 * times, and file name. Replacing, adding or removing a jar changes the stamp.
 *
 * @param path  the unit's real path (links resolved)
 * @param files one {@code "<size> <mtime in ns> <ctime in ns> <name>"} per jar, in file-name order
 */
public record UnitStamp(String path, List<String> files) {

    /** @throws IllegalArgumentException when a part cannot be written on one index line */
    public UnitStamp {
        files = List.copyOf(files);
        boolean writable = DriverIndex.writable(path);
        for (String file : files) {
            writable &= DriverIndex.writable(file);
        }
        if (!writable) {
            throw new IllegalArgumentException("cannot be indexed: " + path);
        }
    }

    /** The stamp of {@code unit} now; empty when it cannot be read or named on one line. */
    public static Optional<UnitStamp> of(Path unit) {
        try {
            Path real = unit.toRealPath();
            List<String> files = new ArrayList<>();
            for (Path jar : Files.isDirectory(real) ? jarsIn(real) : List.of(real)) {
                // The change time too: reproducible builds give every jar the same modification time.
                Map<String, Object> attributes = Files.readAttributes(jar, "unix:size,lastModifiedTime,ctime");
                // A builder, not +: that concatenation's shape would be bootstrapped anew on every start (~7 ms).
                files.add(new StringBuilder().append(attributes.get("size")).append(' ')
                        .append(nanos(attributes.get("lastModifiedTime"))).append(' ')
                        .append(nanos(attributes.get("ctime"))).append(' ')
                        .append(jar.getFileName()).toString());
            }
            return Optional.of(new UnitStamp(real.toString(), files));
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty(); // loaded every time instead, as without an index
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    private static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
