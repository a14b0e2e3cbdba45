package org.pifpaf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pifpaf run}: one sub-command per driver, added at start-up from the registry. */
@Command(name = "run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "DRIVER",
        description = "Start a daemon, run COMMAND with its variables, then stop it. "
                + "Without COMMAND, print shell code for eval and leave the daemon running.",
        commandListHeading = "%nDrivers (pifpaf run DRIVER --help for their options):%n")
final class RunCommand implements Runnable {

    @Mixin
    RunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
