package org.pifpaf.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.api.Binary;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.MissingDistributionException;
import org.pifpaf.runtime.inventory.Binaries;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.inventory.Distributions;
import org.pifpaf.runtime.inventory.DriverInventory;
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
            if (!e.logTail().isEmpty()) {
                // Test reports print suppressed exceptions: the daemon's own words land there.
                e.addSuppressed(new StartFailedException("the daemon's last lines:\n  | "
                        + String.join("\n  | ", e.logTail()), java.util.List.of(), null));
            }
            throw e;
        }
    }

    /**
     * The daemon version {@code pifpaf list-drivers} shows for {@code driver} on this machine, to
     * compare with what the running daemon says of itself. Skips (fails in CI) like a start when
     * something it needs is missing; fails when the installed daemon shows no version.
     */
    public static String listedVersion(String driver) {
        DriverDescriptor descriptor = STARTER.registry().find(driver)
                .orElseThrow(() -> new AssertionError("no driver " + driver));
        for (Binary binary : descriptor.driver().binaries()) {
            if (Binaries.find(binary).isEmpty()) {
                skipUnlessCi(new MissingBinaryException(binary).getMessage());
            }
        }
        for (JavaDistribution distribution : descriptor.driver().distributions()) {
            if (Distributions.find(distribution).isEmpty()) {
                skipUnlessCi(new MissingDistributionException(distribution).getMessage());
            }
        }
        return DriverInventory.daemonVersion(descriptor)
                .orElseThrow(() -> new AssertionError("list-drivers shows no version for " + driver));
    }

    /** Skips the current test on a developer machine; fails it in CI. */
    public static void skipUnlessCi(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + " (binaries must be installed in CI)");
        }
        Assumptions.abort(why);
    }

    /**
     * Starts {@code driver} on a port something else already listens on, and asserts that the
     * start fails at once as {@link StartFailedException.Reason#PORT_IN_USE}, naming the port.
     *
     * @param portOption   the driver's port option, e.g. {@code port}
     * @param otherOptions more options for the start
     * @return the failure, for more checks
     */
    public static StartFailedException assertStartFailsOnTakenPort(String driver, String portOption,
                                                                   Map<String, String> otherOptions) {
        return assertStartFailsOnTakenPort(StartRequest.builder(driver).options(otherOptions).build(), portOption);
    }

    /**
     * As {@link #assertStartFailsOnTakenPort(String, String, Map)}, for a request with settings of
     * its own (e.g. {@link StartRequest.Builder#binaryDirectory} for a contract test's fakes).
     */
    public static StartFailedException assertStartFailsOnTakenPort(StartRequest request, String portOption) {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StartRequest onTakenPort = request.toBuilder().option(portOption, Integer.toString(taken.getLocalPort())).build();
            StartFailedException failure = assertThrows(StartFailedException.class, () -> start(onTakenPort).close());
            assertEquals(StartFailedException.Reason.PORT_IN_USE, failure.reason(), failure.getMessage());
            assertTrue(failure.getMessage().contains("port " + taken.getLocalPort()), failure.getMessage());
            return failure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts two instances of {@code driver} side by side (free ports), asserts that they have
     * their own URL and data directory and that stopping one leaves the other running, then
     * stops it too and asserts nothing is left.
     *
     * @param options options for both (port options are left free)
     */
    public static void assertTwoInstancesCoexist(String driver, Map<String, String> options) {
        assertTwoInstancesCoexist(StartRequest.builder(driver).options(options).build());
    }

    /**
     * As {@link #assertTwoInstancesCoexist(String, Map)}, for a request with settings of its own
     * (e.g. {@link StartRequest.Builder#binaryDirectory} for a contract test's fakes).
     */
    public static void assertTwoInstancesCoexist(StartRequest request) {
        Map<String, String> withFreePorts = new HashMap<>(request.options());
        STARTER.registry().find(request.driver()).ifPresent(descriptor -> descriptor.driver().options().stream()
                .filter(option -> option.type() == org.pifpaf.api.DriverOption.Type.PORT)
                .forEach(option -> withFreePorts.putIfAbsent(option.name(), "0")));
        StartRequest both = request.toBuilder().options(withFreePorts).build();
        RunningDaemon first = start(both);
        RunningDaemon second;
        try {
            second = start(both);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
        try {
            assertFalse(first.url().equals(second.url()), "both at " + first.url());
            assertFalse(first.dataDir().equals(second.dataDir()));
            closeAndAssertNothingLeft(first);
            for (DaemonProcess process : second.processes()) {
                assertTrue(process.isAlive(), "stopping one instance stopped the other's " + process.label());
            }
        } finally {
            closeAndAssertNothingLeft(second);
        }
    }

    /** What a client command printed (standard output and error) and its exit status. */
    public record ClientResult(int status, String output) {
    }

    /**
     * Runs a daemon's client (psql, etcdctl, ...) to completion, with no input, its standard
     * error merged into its output; fails the test if it takes more than a minute.
     *
     * @param environment adjusts the environment it inherits (e.g. adds the daemon's variables)
     */
    public static ClientResult runClient(List<String> argv, Consumer<Map<String, String>> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            environment.accept(builder.environment());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), argv.get(0) + " did not finish");
            return new ClientResult(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv.get(0), e);
        }
    }

    /**
     * Closes {@code daemon} and asserts that none of its processes is still alive and that its
     * data directory is gone; then waits for the spare template copies made while it ran, so
     * that a test's own cache directory can be deleted.
     */
    public static void closeAndAssertNothingLeft(RunningDaemon daemon) {
        List<DaemonProcess> processes = daemon.processes();
        daemon.close();
        try {
            assertTrue(org.pifpaf.Pifpaf.awaitSpareCopies(java.time.Duration.ofMinutes(1)), "a spare copy still being made");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        for (DaemonProcess process : processes) {
            assertFalse(process.isAlive(), "process " + process.pid() + " still alive after close");
        }
        assertFalse(Files.exists(daemon.dataDir()), "data dir still there after close: " + daemon.dataDir());
    }
}
