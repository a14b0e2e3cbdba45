package org.pifpaf.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import org.pifpaf.api.DriverException;

/**
 * Picks free loopback TCP ports, race-free across JVMs and users of one machine.
 *
 * <p>A port is drawn at random below the kernel's ephemeral range (so no outgoing connection is
 * handed it meanwhile), must be bindable, and is claimed with an exclusive lock on
 * {@code <tmp>/pifpaf-ports/<port>.lock}. The claim is held until the daemon stops; if the
 * process dies the operating system drops the lock. Two pifpaf users (JVMs, CLIs, Surefire forks)
 * therefore never pick the same port while both run.
 */
final class FreePorts {

    private static final int LOWEST = 15_000;
    private static final int ATTEMPTS = 500;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "pifpaf-ports");
    /**
     * Ports this JVM holds. Their lock files must not be opened again here: POSIX record locks
     * belong to the process, and closing any channel on a file drops all of them.
     */
    private static final Set<Integer> HELD = ConcurrentHashMap.newKeySet();
    /** A port claimed ahead of need ({@link #claimAhead}), for the next {@link #claim()}. */
    private static final AtomicReference<Claim> AHEAD = new AtomicReference<>();

    private FreePorts() {
    }

    /** A claimed port: release it when the daemon that uses it has stopped. */
    record Claim(int port, FileLock lock) {
        void release() throws IOException {
            if (lock != null) {
                lock.channel().close(); // closing the channel releases the lock
                HELD.remove(port);
            }
        }
    }

    /**
     * Claims a port now, which the next {@link #claim()} of this JVM returns. A front end does it
     * while the driver loads: a JVM's first claim costs milliseconds of cold socket and file-lock
     * code. An unused claim lasts until the JVM exits, like a daemon's.
     */
    static void claimAhead() {
        if (AHEAD.get() == null) {
            Claim claim = claim();
            if (!AHEAD.compareAndSet(null, claim)) {
                try {
                    claim.release();
                } catch (IOException e) {
                    // The JVM's exit drops the lock.
                }
            }
        }
    }

    /** A free port, claimed; the one claimed ahead, if any. */
    static Claim claim() {
        Claim ahead = AHEAD.getAndSet(null);
        if (ahead != null) {
            return ahead;
        }
        int highest = ephemeralRangeStart() - 1;
        if (highest <= LOWEST || !lockDirectoryUsable()) {
            return new Claim(ephemeralPort(), null); // no room or no lock dir: best effort
        }
        return claim(LOWEST, highest);
    }

    /**
     * The first of {@code count} consecutive free ports, all claimed, for a daemon that also binds
     * the ports after its own (Vault's cluster listener). One port is {@link #claim()}.
     */
    static List<Claim> claim(int count) {
        if (count == 1) {
            return List.of(claim());
        }
        int highest = ephemeralRangeStart() - 1;
        if (highest - count <= LOWEST || !lockDirectoryUsable()) {
            return unclaimedRun(count); // no room or no lock dir: best effort
        }
        return claim(LOWEST, highest, count);
    }

    /** A free port from {@code lowest} to {@code highest}, claimed. */
    static Claim claim(int lowest, int highest) {
        return claim(lowest, highest, 1).get(0);
    }

    /** {@code count} consecutive free ports from {@code lowest} to {@code highest}, all claimed. */
    static List<Claim> claim(int lowest, int highest, int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(lowest, highest - count + 2);
            List<Claim> claims = new ArrayList<>(count);
            for (int port = first; port < first + count; port++) {
                Claim claim = tryClaim(port);
                if (claim == null) {
                    break;
                }
                claims.add(claim);
            }
            if (claims.size() == count) {
                return claims;
            }
            claims.forEach(claim -> closeQuietly(claim.lock()));
            claims.forEach(claim -> HELD.remove(claim.port()));
        }
        throw new DriverException("cannot find " + (count == 1 ? "a free port" : count + " consecutive free ports")
                + " between " + lowest + " and " + highest);
    }

    /** {@code port} claimed, or null when it is taken, here or by another process. */
    private static Claim tryClaim(int port) {
        if (!bindable(port) || !HELD.add(port)) {
            return null;
        }
        FileLock lock = tryLock(port);
        if (lock != null && bindable(port)) {
            return new Claim(port, lock);
        }
        closeQuietly(lock);
        HELD.remove(port);
        return null;
    }

    /** Consecutive ports free now, from the kernel's ephemeral range, without claims. */
    private static List<Claim> unclaimedRun(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ephemeralPort();
            List<Claim> run = new ArrayList<>(count);
            for (int port = first; port < first + count && port <= 65_535 && bindable(port); port++) {
                run.add(new Claim(port, null));
            }
            if (run.size() == count) {
                return run;
            }
        }
        throw new DriverException("cannot find " + count + " consecutive free ports");
    }

    private static FileLock tryLock(int port) {
        FileChannel channel = null;
        try {
            Path file = LOCKS.resolve(port + ".lock");
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            makeShared(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            return null;
        }
    }

    static boolean lockDirectoryUsable() {
        try {
            Files.createDirectories(LOCKS);
            if (!Files.getPosixFilePermissions(LOCKS).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                // Every user of the machine claims ports here: world-writable and sticky, like /tmp.
                Files.setAttribute(LOCKS, "unix:mode", 01777);
            }
            return Files.isWritable(LOCKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static void makeShared(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException | UnsupportedOperationException e) {
            // Someone else's file: it is shared already.
        }
    }

    /** Whether {@code port} can be bound on the loopback interface now. */
    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DriverException("cannot find a free port: " + e.getMessage(), e);
        }
    }

    /** The first port the kernel hands out for outgoing connections (Linux), else 32768. */
    private static int ephemeralRangeStart() {
        // Not Files.readString: a file whose size is 0, as /proc's are, is read one byte first,
        // and a sysctl answers only its first read, so that gave "3" (and every claim fell back
        // to an unclaimed port from the kernel's ephemeral range). readAllLines reads 8 KB at once.
        try {
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable instanceof FileLock lock) {
                lock.channel().close();
            } else if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // Nothing to do.
        }
    }
}
