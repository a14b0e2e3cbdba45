/**
 * A JUnit 5 extension that starts throw-away daemons for tests: declare them with
 * {@link org.pifpaf.junit5.PifpafDaemon} on a test class, a test method, a field or a parameter.
 */
module org.pifpaf.junit5 {
    requires transitive org.pifpaf.runtime;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;
    requires java.sql; // @PifpafTemplate methods take a Connection

    exports org.pifpaf.junit5;
}
