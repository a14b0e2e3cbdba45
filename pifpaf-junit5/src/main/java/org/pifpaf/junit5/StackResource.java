package org.pifpaf.junit5;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pifpaf.DaemonStack;
import org.pifpaf.Pifpaf;
import org.pifpaf.runtime.StartFailedException;

/** A started stack kept in a JUnit store, stopped when the class's context ends. */
final class StackResource implements ExtensionContext.Store.CloseableResource {

    private static final String CLASSPATH = "classpath:";

    private final DaemonStack stack;

    private StackResource(DaemonStack stack) {
        this.stack = stack;
    }

    /** Starts the stack: a missing binary fails the class's tests, or skips them if {@code skipIfUnavailable}. */
    static StackResource start(PifpafStack annotation, Class<?> testClass, boolean skipIfUnavailable) {
        try {
            return new StackResource(Pifpaf.stack(file(annotation.value(), testClass)).start());
        } catch (StartFailedException e) {
            throw MissingBinaryPolicy.skipOrRethrow(e, skipIfUnavailable);
        }
    }

    DaemonStack stack() {
        return stack;
    }

    private static Path file(String value, Class<?> testClass) {
        if (!value.startsWith(CLASSPATH)) {
            return Path.of(value);
        }
        String name = value.substring(CLASSPATH.length());
        URL resource = testClass.getClassLoader().getResource(name.startsWith("/") ? name.substring(1) : name);
        if (resource == null || !"file".equals(resource.getProtocol())) {
            throw new ExtensionConfigurationException("@PifpafStack: no file " + name + " on the test class path");
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new ExtensionConfigurationException("@PifpafStack: bad resource URL " + resource, e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
