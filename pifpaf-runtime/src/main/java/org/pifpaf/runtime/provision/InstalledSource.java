package org.pifpaf.runtime.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pifpaf.api.Binary;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.inventory.Binaries;
import org.pifpaf.runtime.inventory.Distributions;

/**
 * Binaries installed on the machine, as pifpaf always found them. With a version asked for, the
 * first installed copy whose {@code --version} matches it (so {@code postgresql@15} takes
 * {@code /usr/lib/postgresql/15/bin} where 16 would come first); binaries that print no version
 * (an interpreter) are taken as they are.
 */
final class InstalledSource implements BinarySource {

    private final String version;
    private final Environment environment;
    private final List<String> seen = new ArrayList<>();

    /**
     * @param version     the daemon version asked for, or {@code null}
     * @param environment where to look ({@code PATH}, search directories' variables)
     */
    InstalledSource(String version, Environment environment) {
        this.version = version;
        this.environment = environment;
    }

    @Override
    public Optional<Path> executable(Binary binary) {
        if (version == null || binary.versionArgs().isEmpty()) {
            return Binaries.find(binary, environment);
        }
        for (Path candidate : Binaries.candidates(binary, environment)) {
            Optional<String> found = Binaries.version(binary, candidate, environment).flatMap(DaemonVersions::numberIn);
            if (found.isPresent() && DaemonVersions.matches(version, found.get())) {
                return Optional.of(candidate);
            }
            found.ifPresent(v -> seen.add(v + " (" + candidate + ")"));
        }
        return Optional.empty();
    }

    @Override
    public Optional<InstalledDistribution> distribution(JavaDistribution distribution) {
        Optional<InstalledDistribution> found = Distributions.find(distribution, environment);
        if (version == null || found.isEmpty() || DaemonVersions.matches(version, found.get().version())) {
            return found;
        }
        seen.add(found.get().version() + " (" + found.get().libDir() + ")");
        return Optional.empty();
    }

    @Override
    public String seen() {
        return seen.isEmpty() ? "" : "installed: " + String.join(", ", seen);
    }
}
