package org.pifpaf.runtime.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.pifpaf.api.Binary;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.inventory.Distributions;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * Binaries from provisioned trees, for those whose driver declares a {@link Provision}: kept
 * already, or fetched now. Binaries that share a declaration come from one tree.
 */
final class ProvisionedSource implements BinarySource {

    private final Supplier<Provisioner> provisioner;
    private final String version;
    private final TransferProgress progress;

    private final Environment environment;

    /** @param environment the start's, which names the platform ({@link Platform#current(Environment)}) */
    ProvisionedSource(Supplier<Provisioner> provisioner, String version, TransferProgress progress,
                      Environment environment) {
        this.provisioner = provisioner;
        this.version = version;
        this.progress = progress;
        this.environment = environment;
    }

    /** Whether {@code provision} has a build for this platform; asked before the provisioner is. */
    private boolean buildsHere(Provision provision) {
        return Provisioner.artifactFor(provision, Platform.current(environment)).isPresent();
    }

    @Override
    public Optional<Path> executable(Binary binary) {
        if (binary.provision() == null || !buildsHere(binary.provision())) {
            return Optional.empty();
        }
        Path executable = provisioner.get().provision(binary.provision(), version, progress).tree()
                .resolve(binary.provisionedPath());
        if (!Files.isExecutable(executable)) {
            throw new ProvisionFailedException(binary.name() + " is not at " + binary.provisionedPath() + " in "
                    + binary.provision().coordinates() + "'s tree (a mistake in the driver's declaration)");
        }
        return Optional.of(executable);
    }

    @Override
    public Optional<InstalledDistribution> distribution(JavaDistribution distribution) {
        Provision provision = distribution.provision();
        if (provision == null || !buildsHere(provision)) {
            return Optional.empty();
        }
        Provisioned provisioned = provisioner.get().provision(provision, version, progress);
        return Optional.of(Distributions.at(distribution, provisioned.tree(), provisioned.version())
                .orElseThrow(() -> new ProvisionFailedException("no " + distribution.jar() + " in the tree of "
                        + provisioned.artifact() + " (a mistake in the driver's declaration)")));
    }

    @Override
    public String seen() {
        return "";
    }
}
