/**
 * Helpers for testing a pifpaf driver against its real daemon, or, where no registry provides
 * the daemon, against a fake executable that checks what the driver hands it (a contract test).
 */
module org.pifpaf.testkit {
    requires transitive org.pifpaf.api;
    requires transitive org.pifpaf.runtime;
    requires org.junit.jupiter.api;

    exports org.pifpaf.testkit;
    exports org.pifpaf.testkit.contract;
}
