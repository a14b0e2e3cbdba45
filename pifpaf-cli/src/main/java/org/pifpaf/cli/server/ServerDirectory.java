package org.pifpaf.cli.server;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.pifpaf.runtime.Environment;

/**
 * The pifpaf server's directory, private to its user (mode 0700): {@code $XDG_RUNTIME_DIR/pifpaf/server}
 * when that directory is the user's, else {@code ${TMPDIR:-/tmp}/pifpaf-server-$UID}, found the
 * same way by the launcher. It holds the request FIFO, {@code pid} (the server's pid and start
 * time), {@code home} (the distribution it serves), its log, its lock, and the clients' request
 * files and reply FIFOs while they talk to it. One that is not the user's, or that others may
 * enter, is never used: whoever could replace its FIFO could feed clients their commands'
 * variables, and whoever could read the requests would learn the clients' environments.
 */
public final class ServerDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path path;

    private ServerDirectory(Path path) {
        this.path = path;
    }

    /** The directory for this user in {@code environment}, as the launcher finds it. */
    public static ServerDirectory of(Environment environment) {
        long uid = ProcessFacts.ownUid();
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty() && ownedBy(Path.of(runtime), uid)) {
            return new ServerDirectory(Path.of(runtime, "pifpaf", "server"));
        }
        String tmp = environment.get("TMPDIR");
        return new ServerDirectory(Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp, "pifpaf-server-" + uid));
    }

    /** The directory itself. */
    public Path path() {
        return path;
    }

    /** The FIFO clients write their requests to. */
    Path fifo() {
        return path.resolve("fifo");
    }

    /** The running server's pid and start time. */
    Path pidFile() {
        return path.resolve("pid");
    }

    /** The distribution home the server serves. */
    Path homeFile() {
        return path.resolve("home");
    }

    /** The server's standard output and error. */
    public Path log() {
        return path.resolve("log");
    }

    /** The pid of a server being started, written by the script that becomes it. */
    Path spawnedFile() {
        return path.resolve("spawned");
    }

    /** Held by the running server: one server per directory. */
    Path lockFile() {
        return path.resolve("lock");
    }

    /** A client's file: {@code <tag>.a} its arguments, {@code .e} its environment, {@code .r} its reply FIFO. */
    Path clientFile(String tag, char kind) {
        return path.resolve(tag + "." + kind);
    }

    /**
     * Creates the directory (mode 0700, its parents as usual) or checks the one there.
     *
     * @throws IOException when it cannot be made, or must not be used (why is the message)
     */
    public void prepare() throws IOException {
        Files.createDirectories(path.getParent());
        try {
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // Checked below.
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
    }

    /** Why the directory must not be used (not this user's, open to others, a link), or empty. */
    public Optional<String> problem() {
        try {
            if (Files.isSymbolicLink(path) || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(path + " is not a directory");
            }
            if (!ownedBy(path, ProcessFacts.ownUid())) {
                return Optional.of(path + " belongs to another user");
            }
            // Not even readable by others: the clients' request files hold their environments.
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY.containsAll(permissions)) {
                return Optional.of(path + " is open to other users (mode " + PosixFilePermissions.toString(permissions)
                        + "; it must be rwx------)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(path + ": " + e.getMessage());
        }
    }

    /** The server running here, if one is (its pid file names a live process, not a later one with its pid). */
    public Optional<ServerRecord> runningServer() {
        if (problem().isPresent()) {
            return Optional.empty();
        }
        return ServerRecord.read(pidFile()).filter(ServerRecord::isRunning);
    }

    /** The home the server here serves, if it says. */
    public Optional<Path> servedHome() {
        try {
            return Optional.of(Path.of(Files.readString(homeFile()).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code text} to {@code file} in one step: a reader sees all of it or none. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, text);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean ownedBy(Path dir, long uid) {
        try {
            return Files.isDirectory(dir) && ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                    .longValue() == uid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
