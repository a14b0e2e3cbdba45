package org.pifpaf.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the daemons of a stack file once for the test class, in parallel, and stops them after
 * its tests. Tests get them as a {@link org.pifpaf.DaemonStack} parameter, or one by one as
 * {@code @PifpafDaemon(name = "<name in the file>") Daemon} parameters or fields' references.
 *
 * <pre>{@code
 * @PifpafStack("src/test/resources/pifpaf.yaml")
 * class CatalogTest {
 *     @Test
 *     void indexes(@PifpafDaemon(name = "index") Daemon index, DaemonStack all) { ... }
 * }
 * }</pre>
 *
 * <p>A daemon whose binary is not installed fails the class's tests, unless the run's JUnit
 * configuration parameter {@code pifpaf.skipIfUnavailable} is {@code true}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PifpafExtension.class)
public @interface PifpafStack {

    /**
     * The stack file: a path (relative to the working directory, which Maven sets to the
     * module's), or {@code classpath:name} for a resource of the test class path.
     */
    String value();
}
