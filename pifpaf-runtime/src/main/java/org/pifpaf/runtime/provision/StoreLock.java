package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a name in the directory of provisioned trees, held against other threads
 * and other processes: a {@link FileLock} on {@code <name>.lock}, and a {@link ReentrantLock} per
 * file in this JVM, since file locks belong to the process (a second lock on the same file from
 * one JVM would fail rather than wait).
 */
final class StoreLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> GUARDS = new ConcurrentHashMap<>();

    private final ReentrantLock guard;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(ReentrantLock guard, FileChannel channel, FileLock lock) {
        this.guard = guard;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock on {@code name} in {@code root}. */
    static StoreLock acquire(Path root, String name) throws IOException {
        Path file = root.resolve(name + ".lock");
        ReentrantLock guard = GUARDS.computeIfAbsent(file, p -> new ReentrantLock());
        guard.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StoreLock(guard, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            guard.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            guard.unlock();
        }
    }
}
