package org.pifpaf.junit5;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.pifpaf.api.MissingSoftwareException;

/**
 * Whether a daemon whose binary is not installed skips its tests or fails them: as its
 * declaration says ({@link PifpafDaemon#skipIfUnavailable()}; a stack fails), unless the run's
 * configuration parameter {@value #PARAMETER} decides for every daemon of the run, as a build
 * may do: skip on developer machines, fail in CI.
 */
final class MissingBinaryPolicy {

    /** The JUnit configuration parameter: {@code true} or {@code false}. */
    static final String PARAMETER = "pifpaf.skipIfUnavailable";

    private MissingBinaryPolicy() {
    }

    /** Whether to skip, given what the declaration says. */
    static boolean skip(ExtensionContext context, boolean declared) {
        return context.getConfigurationParameter(PARAMETER).map(String::trim).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ExtensionConfigurationException(PARAMETER + " must be true or false, not '" + value + "'");
        }).orElse(declared);
    }

    /**
     * {@code failure} as a skipped test when a missing binary caused it and {@code skip}, the
     * failure kept as its cause (test reports, and whoever counts what was skipped, read it);
     * otherwise {@code failure} itself.
     */
    static RuntimeException skipOrRethrow(RuntimeException failure, boolean skip) {
        for (Throwable cause = failure; skip && cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingSoftwareException) {
                return new TestAbortedException(failure.getMessage(), failure);
            }
        }
        return failure;
    }
}
