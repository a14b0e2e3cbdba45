package org.pifpaf.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.runtime.StartFailedException;

/** What the report records: tests and classes skipped for a missing binary, nothing else. */
class SkippedTestsReportTest {

    static final Binary BROKER = Binary.named("mosquitto").in("/usr/sbin").debian("mosquitto").brew("mosquitto");
    static final Binary SERVER = Binary.named("s3rver").npm("s3rver");

    static class SkippedTests {
        @Test
        void needsTheBroker() {
            throw new TestAbortedException("mosquitto not found", new MissingBinaryException(BROKER));
        }

        @Test
        void needsTheServerDeepDown() {
            throw new TestAbortedException("s3rver: not found", new StartFailedException("s3rver: not found", List.of(),
                    new MissingBinaryException(SERVER)));
        }
    }

    static class SkippedClass {
        @BeforeAll
        static void start() {
            throw new TestAbortedException("mosquitto not found", new MissingBinaryException(BROKER));
        }

        @Test
        void neverRuns() {
        }
    }

    static class OtherOutcomes {
        @Test
        void skippedForAnotherReason() {
            Assumptions.abort("needs root");
        }

        @Test
        void failedForAMissingBinary() {
            throw new AssertionError("in CI", new MissingBinaryException(BROKER));
        }

        @Test
        void passed() {
        }
    }

    @Test
    void aTestSkippedForAMissingBinaryIsRecordedWithWhatInstallsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("builds/module.tsv");
        assertEquals(2, SampleRuns.run(SkippedTests.class, new SkippedTestsReport(file)).getTestsAbortedCount());
        assertEquals(List.of(
                "SkippedTestsReportTest.SkippedTests#needsTheBroker\tmosquitto\tmosquitto\t-\tmosquitto",
                "SkippedTestsReportTest.SkippedTests#needsTheServerDeepDown\ts3rver\t-\ts3rver\t-"),
                Files.readAllLines(file).stream().sorted().toList());
    }

    @Test
    void aClassSkippedBeforeItsTestsIsRecordedAsTheClass(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("module.tsv");
        SampleRuns.run(SkippedClass.class, new SkippedTestsReport(file));
        assertEquals(List.of("SkippedTestsReportTest.SkippedClass\tmosquitto\tmosquitto\t-\tmosquitto"), Files.readAllLines(file));
    }

    @Test
    void otherSkipsAndFailuresAreNotRecorded(@TempDir Path dir) {
        Path file = dir.resolve("module.tsv");
        var summary = SampleRuns.run(OtherOutcomes.class, new SkippedTestsReport(file));
        assertEquals(1, summary.getTestsAbortedCount());
        assertEquals(1, summary.getTestsFailedCount());
        assertFalse(Files.exists(file), "recorded: " + file);
    }
}
