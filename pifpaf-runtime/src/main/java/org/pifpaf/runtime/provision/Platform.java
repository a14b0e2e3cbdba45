package org.pifpaf.runtime.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The platform pifpaf runs on, named as {@link org.pifpaf.api.Provision} declarations name it:
 * {@code linux-amd64}, {@code linux-arm64}, {@code linux-musl-amd64} (Alpine),
 * {@code linux-musl-arm64}, {@code darwin-amd64}, {@code darwin-arm64}.
 */
public final class Platform {

    private Platform() {
    }

    /** This machine's platform; {@code PIFPAF_PLATFORM} overrides it (a test, an emulated CPU). */
    public static String current() {
        String forced = System.getenv("PIFPAF_PLATFORM");
        if (forced != null && !forced.isBlank()) {
            return forced;
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
