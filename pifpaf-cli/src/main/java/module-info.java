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

    opens org.pifpaf.cli to info.picocli;

    provides org.slf4j.spi.SLF4JServiceProvider with org.pifpaf.cli.logging.CliLoggerProvider;
}
