package org.pifpaf.distribution.probe;

import java.io.PrintWriter;
import java.time.Duration;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.pifpaf.Pifpaf;

/**
 * Runs {@link PostgresqlVersionsProbe} through the JUnit Platform's launcher, in the unprivileged
 * user's JVM, and prints a one-line summary for {@code ProvisionedAsUserIT} to check.
 */
public final class ExtensionProbe {

    private ExtensionProbe() {
    }

    /**
     * Prints {@code user: <name>}, the test's own lines, any failures, then
     * {@code found F succeeded S failed X skipped K aborted A}.
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("user: " + System.getProperty("user.name"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(PostgresqlVersionsProbe.class))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 20);
        out.printf("found %d succeeded %d failed %d skipped %d aborted %d%n", summary.getTestsFoundCount(),
                summary.getTestsSucceededCount(), summary.getTotalFailureCount(), summary.getTestsSkippedCount(),
                summary.getTestsAbortedCount());
        Pifpaf.awaitSpareCopies(Duration.ofSeconds(60));
    }
}
