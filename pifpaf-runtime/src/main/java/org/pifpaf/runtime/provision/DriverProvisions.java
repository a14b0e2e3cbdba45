package org.pifpaf.runtime.provision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pifpaf.api.Binary;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.provision.spi.ArtifactCoordinates;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * What a driver says its daemon can be fetched from, read from its binaries and Java
 * installations ({@link Binary#provisionedFrom}, {@link JavaDistribution#provisionedFrom}):
 * for {@code list-drivers} (is it provisionable here, which versions are kept) and
 * {@code pifpaf fetch} (fetch it ahead of time). Nothing here loads the resolver but
 * {@link #fetch}.
 */
public final class DriverProvisions {

    /**
     * A driver's provisioning as {@code list-drivers} shows it.
     *
     * @param artifacts     the artifacts for this platform ({@code groupId:artifactId}), or the declared
     *                      coordinates when this platform has no build
     * @param provisionable whether this platform has a build of each
     * @param kept          the daemon versions whose trees are kept, oldest first
     */
    public record Status(List<String> artifacts, boolean provisionable, List<String> kept) {
    }

    private DriverProvisions() {
    }

    /** The distinct declarations of {@code driver}, its Java installations' first. */
    public static List<Provision> of(DaemonDriver driver) {
        Set<Provision> all = new LinkedHashSet<>();
        for (JavaDistribution distribution : driver.distributions()) {
            if (distribution.provision() != null) {
                all.add(distribution.provision());
            }
        }
        for (Binary binary : driver.binaries()) {
            if (binary.provision() != null) {
                all.add(binary.provision());
            }
        }
        return List.copyOf(all);
    }

    /** How {@code driver} stands with {@code provisioner}'s trees; empty when it declares nothing to fetch. */
    public static Optional<Status> status(DaemonDriver driver, Provisioner provisioner) {
        List<Provision> provisions = of(driver);
        if (provisions.isEmpty()) {
            return Optional.empty();
        }
        List<String> artifacts = new ArrayList<>();
        Set<String> kept = new LinkedHashSet<>();
        boolean provisionable = true;
        for (Provision provision : provisions) {
            Optional<ArtifactCoordinates> artifact = provisioner.artifactFor(provision);
            provisionable &= artifact.isPresent();
            artifacts.add(artifact.map(ArtifactCoordinates::toString).orElse(provision.coordinates()));
            kept.addAll(provisioner.keptVersions(provision));
        }
        return Optional.of(new Status(artifacts, provisionable, List.copyOf(kept)));
    }

    /**
     * Fetches every declaration of {@code driver} at {@code version} (each one's default when
     * {@code null}), checking trees kept already against their manifests (a damaged one is made
     * again): {@code pifpaf fetch}.
     *
     * @throws UnavailableVersionException when no version matches
     * @throws ProvisionFailedException    when one cannot be fetched, or this platform has no build
     */
    public static List<Provisioned> fetch(DaemonDriver driver, String version, Provisioner provisioner,
                                          TransferProgress progress) {
        List<Provisioned> fetched = new ArrayList<>();
        for (Provision provision : of(driver)) {
            fetched.add(provisioner.fetch(provision, version, progress));
        }
        return fetched;
    }
}
