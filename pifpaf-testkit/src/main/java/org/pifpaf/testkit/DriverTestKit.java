package org.pifpaf.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.StartRequest;

/**
 * Starts a driver from a test the way every front end does, and checks that stopping it leaves
 * nothing behind.
 *
 * <p>When the daemon's binary is missing, the test is skipped on a developer machine and fails
 * in CI ({@code CI=true}), naming the package to install.
 */
public final class DriverTestKit {

    private static final DaemonStarter STARTER = new DaemonStarter(DriverRegistry.discover(List.of()));

    private DriverTestKit() {
    }

    /** Starts {@code driver} with {@code options} (option name without dashes to value). */
    public static RunningDaemon start(String driver, Map<String, String> options) {
        return start(StartRequest.builder(driver).options(options).build());
    }

    /** Starts a daemon as {@code request} describes. */
    public static RunningDaemon start(StartRequest request) {
        try {
            return STARTER.start(request);
        } catch (StartFailedException e) {
            if (e.getCause() instanceof MissingBinaryException missing) {
                skipUnlessCi(missing.getMessage());
            }
            throw e;
        }
    }

    /** Skips the current test on a developer machine; fails it in CI. */
    public static void skipUnlessCi(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (binaries must be installed in CI)");
        }
        Assumptions.abort(why);
    }

    /**
     * Closes {@code daemon} and asserts that none of its processes is still alive and that its
     * data directory is gone.
     */
    public static void closeAndAssertNothingLeft(RunningDaemon daemon) {
        List<DaemonProcess> processes = daemon.processes();
        daemon.close();
        for (DaemonProcess process : processes) {
            assertFalse(process.isAlive(), "process " + process.pid() + " still alive after close");
        }
        assertFalse(Files.exists(daemon.dataDir()), "data dir still there after close: " + daemon.dataDir());
    }
}
