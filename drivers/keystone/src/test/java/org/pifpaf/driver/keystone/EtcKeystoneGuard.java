package org.pifpaf.driver.keystone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a test's Keystone out of {@code /etc/keystone}, as the swift driver keeps Swift out of
 * {@code /etc/swift}: a {@code sitecustomize} module on {@code PYTHONPATH} adds a Python audit
 * hook to every Keystone process, which notes each file or directory of {@code /etc/keystone}
 * opened or listed, then refuses it as if it did not exist. A test fails when the note is not
 * empty. The directory is open to all: as root, Keystone runs as the unprivileged user.
 */
final class EtcKeystoneGuard {

    /** The variable naming the file the hook notes reads in. */
    static final String NOTES = "PIFPAF_TEST_ETC_KEYSTONE_READS";

    private static final String SITECUSTOMIZE = """
            import os, sys
            def keep_out_of_etc_keystone(event, args):
                if event in ('open', 'os.listdir', 'os.scandir') and args and isinstance(args[0], (str, bytes)):
                    path = os.path.abspath(os.fsdecode(args[0]))
                    if path == '/etc/keystone' or path.startswith('/etc/keystone/'):
                        with open(os.environ['%s'], 'a') as notes:
                            notes.write(path + '\\n')
                        raise FileNotFoundError(2, 'not read by a pifpaf Keystone', path)
            sys.addaudithook(keep_out_of_etc_keystone)
            """.formatted(NOTES);

    private final Path dir;

    private EtcKeystoneGuard(Path dir) {
        this.dir = dir;
    }

    /** A guard whose module and notes live in {@code dir}, which exists. */
    static EtcKeystoneGuard in(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(dir.resolve("sitecustomize.py"), SITECUSTOMIZE);
        Files.setPosixFilePermissions(dir.resolve("sitecustomize.py"), PosixFilePermissions.fromString("rw-r--r--"));
        return new EtcKeystoneGuard(dir);
    }

    /** This process's environment, plus the hook for the Python programs started with it. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PYTHONPATH", dir.toString());
        env.put(NOTES, notes().toString());
        return env;
    }

    /** Where the hook notes what was read. */
    Path notes() {
        return dir.resolve("etc-keystone-reads");
    }

    /** What of {@code /etc/keystone} was read, or refused, so far. */
    List<String> reads() throws IOException {
        return Files.exists(notes()) ? Files.readAllLines(notes()) : List.of();
    }
}
