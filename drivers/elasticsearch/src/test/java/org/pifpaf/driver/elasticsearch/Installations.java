package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a test expects the driver to find an installation, by the documented rules, independently of the runtime. */
final class Installations {

    private Installations() {
    }

    /**
     * The directory {@code homeVariable} names; else the installation whose start script
     * {@code script} is the first on {@code PATH}; else {@code packageDir}.
     */
    static Path expected(String homeVariable, String script, String packageDir) throws IOException {
        String home = System.getenv(homeVariable);
        if (home != null) {
            return Path.of(home);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path onPath = Path.of(dir, script);
            if (!dir.isEmpty() && Files.isExecutable(onPath)) {
                return onPath.toRealPath().getParent().getParent();
            }
        }
        return Path.of(packageDir);
    }
}
