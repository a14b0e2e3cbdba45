/**
 * Helpers for testing a pifpaf driver against its real daemon, or, where no registry provides
 * the daemon, against a fake executable that checks what the driver hands it (a contract test).
 */
module org.pifpaf.testkit {
    requires transitive org.pifpaf.api;
    requires transitive org.pifpaf.runtime;
    requires org.junit.jupiter.api;
    requires jdk.httpserver; // MavenRepositoryServer, for tests of provisioned daemons
    // Only for the skipped-tests report, which the launcher of a test run loads: never needed to use the kit.
    requires static org.junit.platform.launcher;

    exports org.pifpaf.testkit;
    exports org.pifpaf.testkit.contract;

    provides org.junit.platform.launcher.TestExecutionListener with org.pifpaf.testkit.SkippedTestsReport;
    // Applied to every test where JUnit's extension autodetection is on, as in pifpaf's own build.
    provides org.junit.jupiter.api.extension.Extension with org.pifpaf.testkit.SkipWhenMissing;
}
