/** Helpers for testing a pifpaf driver against its real daemon. */
module org.pifpaf.testkit {
    requires transitive org.pifpaf.api;
    requires transitive org.pifpaf.runtime;
    requires org.junit.jupiter.api;

    exports org.pifpaf.testkit;
}
