package org.pifpaf.runtime.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
        List<Long> found = new ArrayList<>();
        String prefix = dir.toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.forEach(proc -> {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return;
                }
                try {
                    String cwd = Files.readSymbolicLink(proc.resolve("cwd")).toString();
                    if ((cwd.equals(prefix) || cwd.startsWith(prefix + "/")) && ProcessStatus.isRunning(Long.parseLong(name))) {
                        found.add(Long.parseLong(name));
                    }
                } catch (IOException | SecurityException | UnsupportedOperationException e) {
                    // Gone, or not ours to look at.
                }
            });
        } catch (IOException e) {
            return List.of();
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
