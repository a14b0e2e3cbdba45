package org.pifpaf.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs sample test classes in a launcher of their own, so their outcomes can be checked from outside. */
final class SampleRuns {

    private SampleRuns() {
    }

    /**
     * Runs {@code sample} with {@code listener}. Listeners registered by the class path (such as
     * the build's own {@link SkippedTestsReport}) are left out: the samples' skips are not the
     * build's.
     */
    static TestExecutionSummary run(Class<?> sample, TestExecutionListener listener) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(), summary, listener);
        return summary.getSummary();
    }

    static TestExecutionSummary run(Class<?> sample) {
        return run(sample, new TestExecutionListener() { });
    }
}
