package org.pifpaf.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.cli.logging.LogSink;
import org.pifpaf.runtime.DaemonSpec;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.commandline.UserConfig;
import org.pifpaf.runtime.provision.DriverProvisions;
import org.pifpaf.runtime.provision.Provisioned;
import org.pifpaf.runtime.provision.Provisioner;
import org.pifpaf.runtime.provision.UnavailableVersionException;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pifpaf fetch DRIVER[@VERSION]...}: provisions daemons ahead of time, whether or not
 * they are installed, for CI caches and machines that will be offline; prints one line per
 * tree (the driver, the artifact, the tree). Trees kept already are checked, and made again
 * when damaged.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch daemons from Maven repositories ahead of time (for CI caches and offline machines),"
                + " and check those fetched before.")
final class FetchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DRIVER[@VERSION]", arity = "1..*",
            description = "A driver, with the daemon version if not its default (postgresql@16, postgresql@16.4.0).")
    List<String> daemons;

    private final DriverRegistry registry;

    FetchCommand(DriverRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Provisioner provisioner;
        try {
            Environment environment = Environment.process();
            provisioner = Provisioner.shared(DriverRun.provisionDir(UserConfig.load(UserConfig.defaultFile(environment),
                    registry, environment)), environment);
            for (String daemon : daemons) {
                DaemonSpec spec = DaemonSpec.parse(daemon);
                DriverDescriptor descriptor = registry.find(spec.driver())
                        .orElseThrow(() -> new InvalidRequestException(Usage.unknownDriver(registry, daemon)));
                if (DriverProvisions.of(descriptor.driver()).isEmpty()) {
                    throw new InvalidRequestException(cannotBeFetched(descriptor.driver()));
                }
                try (ProgressLine progress = ProgressLine.fetching(daemon, !LogSink.showsInfo(), Invocation.ofProcess())) {
                    for (Provisioned tree : DriverProvisions.fetch(descriptor.driver(), spec.version(), provisioner,
                            progress)) {
                        System.out.println(daemon + "  " + tree.artifact() + "  " + tree.tree());
                    }
                } catch (UnavailableVersionException e) {
                    LoggerFactory.getLogger("pifpaf").error("{}: {}", daemon, e.getMessage());
                    return ExitCodes.MISSING_BINARY;
                }
            }
            return ExitCodes.OK;
        } catch (InvalidRequestException e) {
            return Usage.error(e.getMessage());
        } catch (ProvisionFailedException e) {
            LoggerFactory.getLogger("pifpaf").error(e.getMessage());
            return ExitCodes.PROVISION_FAILED;
        }
    }

    private static String cannotBeFetched(DaemonDriver driver) {
        String hint = driver.binaries().isEmpty() ? "" : "; " + driver.binaries().get(0).installHint();
        return driver.name() + " cannot be fetched: its driver names no Maven artifact to fetch it from" + hint;
    }
}
