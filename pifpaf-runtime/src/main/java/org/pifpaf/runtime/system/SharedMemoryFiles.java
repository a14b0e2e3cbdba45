package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files of {@code /dev/shm} that processes map. Such memory outlives a process killed before it
 * could remove it: PostgreSQL's backends under initdb make their dynamic shared memory there
 * whatever the settings, so an initdb interrupted by a kill leaves a megabyte or so until the
 * machine restarts. What the killed processes mapped is noted first, and removed once they are
 * gone (the reaper script does the same when the owner JVM dies).
 */
public final class SharedMemoryFiles {

    private static final String SHM = "/dev/shm/";
    private static final String DELETED = " (deleted)";

    private SharedMemoryFiles() {
    }

    /** The {@code /dev/shm} files {@code processes} map now; none for those that are gone. */
    public static Set<Path> mappedBy(Collection<ProcessHandle> processes) {
        Set<Path> files = new LinkedHashSet<>();
        for (ProcessHandle process : processes) {
            List<String> maps;
            try {
                maps = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "maps"));
            } catch (IOException | RuntimeException e) {
                continue; // gone, or not ours to read
            }
            for (String line : maps) {
                int at = line.indexOf(SHM);
                if (at > 0 && !line.endsWith(DELETED)) {
                    files.add(Path.of(line.substring(at)));
                }
            }
        }
        return files;
    }

    /** Removes {@code files} that are still there, once whatever mapped them is gone. */
    public static void remove(Set<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Another user's, or already going: nothing more to do here.
            }
        }
    }
}
