package org.pifpaf.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.MissingDistributionException;
import org.pifpaf.api.MissingSoftwareException;

/**
 * Appends a line to a file for each test (or class) skipped because a binary it needs is missing,
 * so that a build can end with one summary of what was not tested and what would test it. The
 * JUnit Platform registers it in every test run; it writes only where the system property
 * {@value #FILE_PROPERTY} names a file (pifpaf's build sets it; see docs/architecture.md,
 * "Tests").
 *
 * <p>A line holds, separated by tabs: the test ({@code Class#method}, or {@code Class} for a
 * whole class, without the package; a nested class is {@code Outer.Inner}), the binary, and the Debian package, npm package and Homebrew formula that
 * install it ({@code -} for none).
 */
public final class SkippedTestsReport implements TestExecutionListener {

    /** The system property naming the file to append to. */
    public static final String FILE_PROPERTY = "pifpaf.skippedTests";

    private final Path file;

    /** Reports to the file {@value #FILE_PROPERTY} names, or nowhere without it. */
    public SkippedTestsReport() {
        this(Stream.ofNullable(System.getProperty(FILE_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of)
                .findFirst().orElse(null));
    }

    SkippedTestsReport(Path file) {
        this.file = file;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (file != null && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            result.getThrowable().flatMap(MissingBinaries::causeOf).ifPresent(missing -> append(test, missing));
        }
    }

    private synchronized void append(TestIdentifier test, MissingSoftwareException missing) {
        Stream<String> packages;
        if (missing instanceof MissingBinaryException binaryMissing) {
            Binary binary = binaryMissing.binary();
            packages = Stream.of(binary.debianPackage(), binary.npmPackage(), binary.brewFormula());
        } else if (missing instanceof MissingDistributionException distributionMissing) {
            packages = Stream.of(distributionMissing.distribution().debianPackage(), null,
                    distributionMissing.distribution().brewFormula());
        } else {
            packages = Stream.of(null, null, null);
        }
        String line = Stream.concat(Stream.of(name(test), missing.missing()), packages)
                .map(field -> Objects.requireNonNullElse(field, "-").replaceAll("[\\t\\r\\n]", " "))
                .collect(Collectors.joining("\t", "", "\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The report is a convenience: losing it must not fail the tests.
            System.err.println("pifpaf: cannot record a skipped test in " + file + ": " + e);
        }
    }

    /** {@code Class#method}, or {@code Class} for a container, the class without its package. */
    static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "#" + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return test.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
