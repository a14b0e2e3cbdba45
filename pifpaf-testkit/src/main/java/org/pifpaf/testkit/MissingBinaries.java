package org.pifpaf.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.MissingSoftwareException;
import org.pifpaf.runtime.inventory.Binaries;
import org.pifpaf.runtime.DriverRegistry;

/**
 * What a test does when a daemon or a client it needs is not installed: it is skipped on a
 * developer machine, and fails in CI ({@code CI=true}), where everything must be installed so
 * that no test passes by not running.
 *
 * <p>A skipped test keeps the {@link MissingSoftwareException} as the cause of its
 * {@link TestAbortedException}, so that {@link SkippedTestsReport} can name what to install.
 */
public final class MissingBinaries {

    private MissingBinaries() {
    }

    /** Whether this is a CI run ({@code CI=true}), where a missing binary fails the test. */
    public static boolean inCi() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * Skips the current test because {@code missing} is not installed, or fails it in CI.
     *
     * @throws TestAbortedException outside CI
     * @throws org.opentest4j.AssertionFailedError in CI
     */
    public static void skipOrFail(MissingSoftwareException missing) {
        if (inCi()) {
            Assertions.fail(missing.getMessage() + " (binaries must be installed in CI)", missing);
        }
        throw new TestAbortedException(missing.getMessage(), missing);
    }

    /**
     * Where {@code binary} is installed, searched as drivers search theirs (its directories,
     * then {@code PATH}); skips the test (fails it in CI) when it is not.
     */
    public static Path require(Binary binary) {
        Optional<Path> found = Binaries.find(binary);
        if (found.isEmpty()) {
            skipOrFail(new MissingBinaryException(binary));
        }
        return found.orElseThrow();
    }

    /**
     * Requires the binary named {@code name} that {@code driver} declares, with the driver's own
     * search directories and packages: for tests that start the daemon in another process.
     */
    public static Path require(String driver, String name) {
        Binary declared = DriverRegistry.discover(List.of()).find(driver)
                .flatMap(found -> found.driver().binaries().stream().filter(b -> b.name().equals(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("driver " + driver + " declares no binary " + name));
        return require(declared);
    }

    /**
     * What was missing to cause {@code failure} (a binary, a Java daemon's installation, a nested
     * driver), if anything was (anywhere in its causes).
     */
    public static Optional<MissingSoftwareException> causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MissingSoftwareException missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }
}
