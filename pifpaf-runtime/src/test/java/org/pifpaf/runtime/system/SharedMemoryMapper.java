package org.pifpaf.runtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process (Python, in a process group of its own) that maps a file it made in
 * {@code /dev/shm}, then sleeps, as a PostgreSQL backend holds its dynamic shared memory.
 * Closing it kills the process and removes the file if they are still there.
 */
final class SharedMemoryMapper implements AutoCloseable {

    private static final String MAPPER = """
            import mmap, sys, time
            f = open(sys.argv[1], "w+b"); f.truncate(4096)
            m = mmap.mmap(f.fileno(), 4096); f.close()
            print("mapped", flush=True); time.sleep(100000)
            """;

    private final Process process;
    private final Path file;

    private SharedMemoryMapper(Process process, Path file) {
        this.process = process;
        this.file = file;
    }

    /** Starts one, in a group of its own when {@code ownGroup}, and waits until it has mapped its file. */
    static SharedMemoryMapper start(boolean ownGroup) throws Exception {
        Path file = Path.of("/dev/shm", "pifpaf-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        ProcessBuilder builder = ownGroup
                ? new ProcessBuilder(SystemTools.SETSID.toString(), "python3", "-c", MAPPER, file.toString())
                : new ProcessBuilder("python3", "-c", MAPPER, file.toString());
        Process process = builder.redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("mapped", out.readLine());
        assertTrue(Files.exists(file), file.toString());
        return new SharedMemoryMapper(process, file);
    }

    Process process() {
        return process;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        Files.deleteIfExists(file);
    }
}
