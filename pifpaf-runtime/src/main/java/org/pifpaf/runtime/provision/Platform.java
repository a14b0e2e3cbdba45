package org.pifpaf.runtime.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.pifpaf.runtime.Environment;

/**
 * The platform pifpaf runs on, named as {@link org.pifpaf.api.Provision} declarations name it:
 * {@code linux-amd64}, {@code linux-arm64}, {@code linux-musl-amd64} (Alpine),
 * {@code linux-musl-arm64}, {@code darwin-amd64}, {@code darwin-arm64}.
 */
public final class Platform {

    private Platform() {
    }

    /** The variable that overrides the platform (a test, an emulated CPU). */
    public static final String VARIABLE = "PIFPAF_PLATFORM";

    /** This machine's platform; {@code PIFPAF_PLATFORM} in {@code environment} overrides it. */
    public static String current(Environment environment) {
        Optional<String> forced = environment.nonBlank(VARIABLE);
        if (forced.isPresent()) {
            return forced.get();
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "amd64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin-" + cpu;
        }
        if (os.startsWith("linux")) {
            // musl's dynamic loader: Alpine and its kin, whose binaries differ from glibc's.
            boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))
                    || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
            return (musl ? "linux-musl-" : "linux-") + cpu;
        }
        return os.replace(' ', '_') + "-" + cpu;
    }
}
