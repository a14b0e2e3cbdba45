package org.pifpaf.testkit;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.pifpaf.api.MissingSoftwareException;

/**
 * A test or lifecycle method that fails because a binary is missing is skipped, or failed in CI,
 * as {@link MissingBinaries#skipOrFail} decides; other failures pass unchanged. For tests that
 * start daemons themselves (through {@code org.pifpaf.Pifpaf}, a stack, a thread pool...), and
 * for a skip that an assertion caught: {@code assertThrows(StartFailedException.class, ...)}
 * reports the test kit's skip as an unexpected exception, with the skip as its cause.
 *
 * <pre>{@code
 * @ExtendWith(SkipWhenMissing.class)
 * class RepositoryTest { ... Pifpaf.start("postgresql") ... }
 * }</pre>
 *
 * <p>Registered for JUnit's extension autodetection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}), it applies to every test of the
 * run, as in pifpaf's own build.
 */
public final class SkipWhenMissing implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw translate(failure);
    }

    private static Throwable translate(Throwable failure) {
        Optional<MissingSoftwareException> missing = MissingBinaries.causeOf(failure);
        // What MissingBinaries.skipOrFail threw (a test kit call) is its decision already.
        boolean decided = failure.getCause() instanceof MissingSoftwareException
                && (failure instanceof TestAbortedException || failure instanceof AssertionFailedError);
        if (missing.isPresent() && !decided) {
            try {
                MissingBinaries.skipOrFail(missing.get());
            } catch (RuntimeException | AssertionError decision) {
                // The whole failure stays visible under the decision.
                decision.addSuppressed(failure);
                return decision;
            }
        }
        return failure;
    }
}
