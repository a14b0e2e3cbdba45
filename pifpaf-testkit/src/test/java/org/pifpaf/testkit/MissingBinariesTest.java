package org.pifpaf.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.runtime.StartFailedException;

/** The rule for a missing binary (skip, or fail in CI) and the extension that applies it. */
class MissingBinariesTest {

    static final Binary NOWHERE = Binary.named("no-such-binary-anywhere").debian("no-such-package");

    /** What a missing binary does here: CI runs this suite with CI=true, developers without. */
    private static Class<? extends Throwable> expectedOutcome() {
        return MissingBinaries.inCi() ? AssertionFailedError.class : TestAbortedException.class;
    }

    @Test
    void anInstalledBinaryIsFoundWhereDriversLook() {
        var sh = MissingBinaries.require(Binary.named("sh").in("/bin"));
        assertTrue(Files.isExecutable(sh), sh.toString());
    }

    @Test
    void aMissingBinarySkipsTheTestOutsideCiAndFailsItInCi() {
        Throwable outcome = assertThrows(expectedOutcome(), () -> MissingBinaries.require(NOWHERE));
        assertTrue(outcome.getMessage().contains("no-such-binary-anywhere not found"), outcome.getMessage());
        assertTrue(outcome.getMessage().contains("apt-get install no-such-package"), outcome.getMessage());
        assertEquals(NOWHERE, assertInstanceOf(MissingBinaryException.class, outcome.getCause()).binary());
    }

    @Test
    void aDriversOwnDeclarationIsRequiredByName() {
        // The echo test driver (a test dependency) declares sh, which every machine has.
        assertTrue(Files.isExecutable(MissingBinaries.require("echo", "sh")));
        assertThrows(IllegalArgumentException.class, () -> MissingBinaries.require("echo", "bash"));
    }

    @Test
    void theMissingBinaryIsFoundAmongTheCauses() {
        MissingBinaryException missing = new MissingBinaryException(NOWHERE);
        Throwable failure = new IllegalStateException(new StartFailedException("x", List.of(), missing));
        assertEquals(Optional.of(missing), MissingBinaries.causeOf(failure));
        assertEquals(Optional.empty(), MissingBinaries.causeOf(new IllegalStateException("other")));
    }

    @ExtendWith(SkipWhenMissing.class)
    static class StartsItsOwnDaemons {
        @Test
        void startFailsForAMissingBinary() {
            throw new StartFailedException("no-such-binary-anywhere not found", List.of(), new MissingBinaryException(NOWHERE));
        }

        @Test
        void anAssertionCaughtTheSkip() {
            // As a driver test that expects a start to fail, on a machine without the daemon.
            assertThrows(StartFailedException.class, () -> MissingBinaries.require(NOWHERE));
        }

        @Test
        void failsForAnotherReason() {
            throw new IllegalStateException("a real failure");
        }
    }

    @Test
    void theExtensionTurnsAMissingBinaryIntoTheSameOutcome() {
        var summary = SampleRuns.run(StartsItsOwnDaemons.class);
        long skipped = MissingBinaries.inCi() ? 0 : 2;
        assertEquals(skipped, summary.getTestsAbortedCount());
        assertEquals(3 - skipped, summary.getTestsFailedCount());
    }
}
