package org.pifpaf.runtime.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pifpaf.api.Command;
import org.pifpaf.api.DriverException;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.system.Reaper;
import org.pifpaf.runtime.system.SystemTools;
import org.pifpaf.runtime.system.UnixUser;

/**
 * Starts the processes of one daemon: each in its own session (so a terminal's Ctrl-C reaches
 * pifpaf, not the daemon, and the whole group can be killed), with the start's environment and
 * the driver's exports,
 * standard output and error appended to a log file (so nobody has to drain a pipe), and, for
 * root-refusing daemons when pifpaf is root, as the unprivileged user.
 */
public final class ProcessSpawner {

    private final Path dataDir;
    private final UnixUser unprivilegedUser;
    private final Environment base;

    /**
     * @param dataDir          the daemon's data directory (default working directory)
     * @param unprivilegedUser whom to run {@link Command#unprivileged()} commands as, or
     *                         {@code null} when pifpaf is not root
     * @param base             the environment every process starts from (the start's)
     */
    public ProcessSpawner(Path dataDir, UnixUser unprivilegedUser, Environment base) {
        this.dataDir = dataDir;
        this.unprivilegedUser = unprivilegedUser;
        this.base = base;
    }

    /**
     * Starts {@code command} with the base environment plus {@code environment} (the exports so
     * far), its output appended to {@code logFile}.
     */
    public LaunchedProcess spawn(Command command, Map<String, String> environment, Path logFile) {
        List<String> argv = new ArrayList<>();
        if (command.unprivileged() && unprivilegedUser != null) {
            argv.addAll(dropPrivileges());
            DataDirOwnership.giveTo(dataDir, unprivilegedUser);
        }
        argv.addAll(command.argv());
        ProcessBuilder builder = new ProcessBuilder(SystemTools.inNewSession(argv))
                .directory((command.workingDirectory() != null ? command.workingDirectory() : dataDir).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(command.stdin() == null
                        ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                        : ProcessBuilder.Redirect.PIPE);
        if (base != Environment.process()) { // this process's own is there already
            builder.environment().clear();
            builder.environment().putAll(base.asMap());
        }
        builder.environment().putAll(environment);
        builder.environment().putAll(command.environment());
        long offset = sizeOf(logFile);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DriverException("Unable to run command `" + command + "': " + e.getMessage(), e);
        }
        if (SystemTools.sessionsSupported()) {
            // Its own group: the reaper kills the group if this JVM dies before it is stopped.
            long pgid = process.pid();
            Reaper.watchGroup(pgid);
            process.onExit().thenRun(() -> Reaper.releaseGroup(pgid));
        }
        if (command.stdin() != null) {
            feed(process, command.stdin());
        }
        return new LaunchedProcess(process, command, logFile, offset, SystemTools.sessionsSupported());
    }

    private List<String> dropPrivileges() {
        if (SystemTools.SETPRIV == null) {
            throw new DriverException("setpriv not found; it is needed to run daemons as '"
                    + unprivilegedUser.name() + "' when pifpaf runs as root (apt-get install util-linux)");
        }
        return List.of(SystemTools.SETPRIV.toString(), "--reuid=" + unprivilegedUser.uid(),
                "--regid=" + unprivilegedUser.gid(), "--clear-groups", "--");
    }

    private static void feed(Process process, String text) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The process exited before reading its input; its exit status tells the story.
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
