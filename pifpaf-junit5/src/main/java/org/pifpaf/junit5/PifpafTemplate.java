package org.pifpaf.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method that prepares the template database of the test class's PostgreSQL
 * daemon, once: its schema and data. It takes a {@link java.sql.Connection} to that database.
 * Each test that takes a {@link org.pifpaf.TestDatabase} parameter then gets a fresh copy of it
 * (see {@link org.pifpaf.DatabaseTemplate}).
 *
 * <pre>{@code
 * @PifpafDaemon(driver = "postgresql")
 * class OrderRepositoryTest {
 *     @PifpafTemplate
 *     static void schema(Connection db) throws SQLException {
 *         db.createStatement().execute("create table orders (id int primary key)");
 *     }
 *
 *     @Test
 *     void savesAnOrder(TestDatabase db) throws SQLException {
 *         try (Connection c = DriverManager.getConnection(db.jdbcUrl())) { ... }
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PifpafTemplate {
}
