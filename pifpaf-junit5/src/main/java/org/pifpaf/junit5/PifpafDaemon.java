package org.pifpaf.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares a throw-away daemon for tests, or refers to one.
 *
 * <ul>
 * <li>On a test class, or a {@code static} field of type {@link org.pifpaf.Daemon}: started once
 *     before the class's tests, stopped after them.</li>
 * <li>On a test method, or an instance field: started before each test, stopped after it.</li>
 * <li>On a parameter of type {@code Daemon}: with {@link #driver()}, started for that test;
 *     without, it refers by {@link #name()} to a daemon declared elsewhere. An unannotated
 *     {@code Daemon} parameter gets the only daemon declared for the test.</li>
 * </ul>
 *
 * <pre>{@code
 * @PifpafDaemon(driver = "postgresql", systemProperties = "spring.datasource.url=${JDBC_URL}")
 * class RepositoryTest {
 *     @Test
 *     void saves(Daemon postgresql) throws SQLException {
 *         try (Connection db = DriverManager.getConnection(postgresql.jdbcUrl())) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Port options not given pick free ports, so tests may run in parallel, in one JVM or in
 * several.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
@Repeatable(PifpafDaemons.class)
@ExtendWith(PifpafExtension.class)
public @interface PifpafDaemon {

    /** The driver, e.g. {@code redis}; empty on a parameter that refers to a declared daemon. */
    String driver() default "";

    /** Driver options as {@code name=value}, e.g. {@code "sentinel=true"}. */
    String[] options() default {};

    /**
     * The name parameters refer to it by; default: the field's name, else the driver's. On a
     * parameter without {@link #driver()}: the declared daemon to inject (its name or driver).
     */
    String name() default "";

    /** The variable prefix. */
    String prefix() default "PIFPAF";

    /**
     * One daemon for every test class of the JVM that declares the same driver, options and
     * prefix: started on first use, stopped when the test run ends.
     */
    boolean shared() default false;

    /**
     * Skip (rather than fail) the tests when the daemon's binary is not installed. The JUnit
     * configuration parameter {@code pifpaf.skipIfUnavailable} ({@code true} or {@code false}),
     * when set, decides instead for every daemon and stack of the run: a build can skip on
     * developer machines and fail in CI.
     */
    boolean skipIfUnavailable() default false;

    /**
     * System properties set while the daemon runs, as {@code name=template}; {@code ${VAR}} in
     * the template is the daemon's variable {@code VAR} (with or without the prefix), e.g.
     * {@code "spring.datasource.url=${POSTGRESQL_JDBC_URL}"} or {@code "redis.url=${URL}"}.
     * The previous values come back when it stops.
     */
    String[] systemProperties() default {};

    /** The start-up timeout in seconds; 0 for the driver's default. */
    int timeoutSeconds() default 0;
}
