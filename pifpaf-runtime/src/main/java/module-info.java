/**
 * The pifpaf runtime: finds drivers, starts their daemons in private data directories, waits
 * for readiness, exports their variables, and stops and cleans up.
 *
 * <p>Front ends (the command line, the Java fixtures) use {@link org.pifpaf.runtime.DriverRegistry}
 * and {@link org.pifpaf.runtime.DaemonStarter}.
 *
 * @uses org.pifpaf.api.DaemonDriver the drivers, from the module path, the class path and
 *       drivers directories
 * @uses org.pifpaf.runtime.provision.spi.ProvisionBackend.Factory fetching daemons that are not
 *       installed ({@code pifpaf-provision}, loaded on first need)
 */
module org.pifpaf.runtime {
    requires transitive org.pifpaf.api;
    requires java.net.http;
    requires java.sql; // template databases talk to PostgreSQL over JDBC
    requires org.slf4j;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports org.pifpaf;
    exports org.pifpaf.runtime;
    // For the command line only: its configuration file, its own child processes.
    exports org.pifpaf.runtime.commandline to org.pifpaf.cli;
    // Where binaries and Java installations are, and their versions: list-drivers, and the test
    // kit's check of each driver's version probe.
    exports org.pifpaf.runtime.inventory to org.pifpaf.cli, org.pifpaf.testkit;

    // The service pifpaf-provision implements, and the download listener and failure front ends
    // meet: to everyone, as pifpaf-provision may sit in a layer of its own (lib/provision), which
    // a qualified export could not reach.
    exports org.pifpaf.runtime.provision.spi;
    // Provisioning itself, for the command line only: pifpaf fetch, list-drivers' versions, where
    // config finds the trees.
    exports org.pifpaf.runtime.provision to org.pifpaf.cli;

    uses org.pifpaf.api.DaemonDriver;
    uses org.pifpaf.runtime.provision.spi.ProvisionBackend.Factory;
}
