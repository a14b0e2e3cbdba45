package org.pifpaf.distribution;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.testkit.MissingBinaries;

/**
 * What the tests need installed: a missing binary skips the test on a developer machine and fails
 * it in CI, and the build's summary names its package ({@link MissingBinaries}).
 */
final class Binaries {

    /** Where drivers find daemons that are not on every user's PATH, searched before it. */
    private static final String[] SYSTEM_DIRS = {"/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/lib/postgresql/*/bin",
        "/usr/lib/rabbitmq/bin"};
    /** pifpaf's line for a missing binary: {@code <name> not found; install it with 'apt-get install <package>' ...}. */
    private static final Pattern NOT_FOUND = Pattern.compile("(?:^|: )([^:\\n]+) not found; install it with ([^\\n]*)",
            Pattern.MULTILINE);

    private Binaries() {
    }

    /** Requires the executable {@code name}, which the Debian package {@code debianPackage} installs. */
    static void require(String name, String debianPackage) {
        require(Binary.named(name).debian(debianPackage));
    }

    /**
     * Requires {@code binary}, looked for in the system's directories and on PATH; one named by
     * an absolute path (a jar, say) must be there, executable or not.
     */
    static void require(Binary binary) {
        if (binary.name().startsWith("/")) {
            if (!java.nio.file.Files.exists(java.nio.file.Path.of(binary.name()))) {
                MissingBinaries.skipOrFail(new org.pifpaf.api.MissingBinaryException(binary));
            }
            return;
        }
        MissingBinaries.require(binary.in(SYSTEM_DIRS));
    }

    /**
     * Treats a run that pifpaf ended for a missing binary (exit status 3, the binary and its
     * package named on standard error) as what it is: for what no test can look for beforehand,
     * such as ZooKeeper's jar or httpbin's Python module.
     */
    static void requireStarted(Launcher.Result result) {
        if (result.exit() != 3) {
            return;
        }
        Matcher line = NOT_FOUND.matcher(result.stderr());
        if (line.find()) {
            Binary binary = Binary.named(line.group(1).trim());
            String hint = line.group(2);
            binary = installedBy(hint, "apt-get install ").map(binary::debian).orElse(binary);
            binary = installedBy(hint, "npm install -g ").map(binary::npm).orElse(binary);
            binary = installedBy(hint, "brew install ").map(binary::brew).orElse(binary);
            MissingBinaries.skipOrFail(new MissingBinaryException(binary));
        }
    }

    private static Optional<String> installedBy(String hint, String command) {
        Matcher quoted = Pattern.compile("'" + Pattern.quote(command) + "([^']+)'").matcher(hint);
        return quoted.find() ? Optional.of(quoted.group(1)) : Optional.empty();
    }
}
