package org.pifpaf.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Daemon binaries the tests need: missing ones fail the test in CI, skip it elsewhere. */
final class Binaries {

    private Binaries() {
    }

    /** {@code name} on PATH, or, when it is an absolute path, that file or directory. */
    static void require(String name, String debianPackage) {
        if (name.startsWith("/") && Files.exists(Path.of(name))) {
            return;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return;
            }
        }
        String why = name + " is not installed (apt-get install " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; binaries must be installed in CI");
        }
        Assumptions.abort(why);
    }
}
