/**
 * The {@code pifpaf} command: {@code run <driver> [options] [--] [command...]} and
 * {@code list-drivers}. A thin front end over {@code org.pifpaf.runtime}.
 */
module org.pifpaf.cli {
    requires org.pifpaf.runtime;
    requires info.picocli;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires jdk.unsupported; // sun.misc.Signal: to know which signal arrived, for 128+N
    // Not used here: required so that they are in the boot layer, where drivers in drivers/ find
    // them (a driver's layer cannot add JDK modules). The others of the runtime image's
    // (distribution/pom.xml, runtime.jdk.modules) are there already, required or bound by pifpaf.
    requires java.sql;
    requires jdk.net;

    opens org.pifpaf.cli to info.picocli;

    provides org.slf4j.spi.SLF4JServiceProvider with org.pifpaf.cli.logging.CliLoggerProvider;
}
