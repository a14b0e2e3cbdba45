package org.pifpaf.runtime.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.Signal;

/**
 * Processes whose working directory lies in a daemon's data directory. The runtime starts every
 * daemon process there, so this finds those that left their process group and their parent
 * (double fork, setsid) and would escape a stop. Linux only ({@code /proc}); elsewhere it finds
 * none.
 */
public final class ProcessesInDirectory {

    private ProcessesInDirectory() {
    }

    /** The pids of the running processes working in {@code dir} or below. */
    public static List<Long> find(Path dir) {
        // Every stop runs this, in a JVM that has mostly not compiled it yet: a plain loop over a
        // name list costs far less there than a stream of paths.
        String[] names = new File("/proc").list();
        if (names == null) {
            return List.of();
        }
        List<Long> found = new ArrayList<>();
        for (String name : names) {
            if (!ProcessGroup.isPid(name)) {
                continue;
            }
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", name, "cwd"));
                if (cwd.startsWith(dir) && ProcessStatus.isRunning(Long.parseLong(name))) {
                    found.add(Long.parseLong(name));
                }
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                // Gone, or not ours to look at.
            }
        }
        return found;
    }

    /** Kills every process working in {@code dir}. @return how many there were */
    public static int kill(Path dir) {
        List<Long> pids = find(dir);
        pids.forEach(pid -> Signals.send(pid, Signal.KILL));
        return pids.size();
    }
}
