package org.pifpaf.runtime.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pifpaf.api.Binary;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.MissingDistributionException;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * Where one start's binaries come from: a request's own binary directories first (a contract
 * test's stand-ins), then the sources its {@link ProvisionMode} puts in order (installed, then
 * provisioned, for {@code auto}), each asked in turn; the first that has a binary at the version
 * asked for gives it. A binary whose driver declares no provision (the
 * {@code java} that runs a Java daemon) is always the installed one. Nothing here loads the
 * resolver: a start whose binaries are installed never reaches the provisioned source.
 */
public final class DaemonSources {

    private final ProvisionMode mode;
    private final String version;
    private final List<Path> binaryDirectories;
    private final Supplier<Provisioner> provisioner;
    private final TransferProgress progress;
    private final Environment environment;

    /**
     * @param mode              which sources, in which order
     * @param version           the daemon version asked for ({@code driver@version}), or {@code null}
     * @param binaryDirectories directories whose binaries win over every source (a test's stand-ins)
     * @param provisioner       the provisioner, asked for only when a binary must be provisioned
     * @param progress          who hears how downloads go
     * @param environment       where installed binaries are looked for ({@code PATH}, search directories)
     */
    public DaemonSources(ProvisionMode mode, String version, List<Path> binaryDirectories,
                         Supplier<Provisioner> provisioner, TransferProgress progress, Environment environment) {
        this.mode = mode;
        this.version = version;
        this.binaryDirectories = List.copyOf(binaryDirectories);
        this.provisioner = provisioner;
        this.progress = progress;
        this.environment = environment;
    }

    /** The sources of a daemon nested in this one: the same mode and directories, its own default version. */
    public DaemonSources nested() {
        return new DaemonSources(mode, null, binaryDirectories, provisioner, progress, environment);
    }

    /** The version asked for, or {@code null}. */
    public String version() {
        return version;
    }

    /**
     * Where {@code binary} is.
     *
     * @throws MissingBinaryException       when no source has it
     * @throws UnavailableVersionException  when none has the version asked for
     * @throws ProvisionFailedException     when it had to be fetched and could not be
     */
    public Path executable(Binary binary) {
        for (Path dir : binaryDirectories) {
            Path candidate = dir.resolve(binary.name());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return first(binary.provision() != null, s -> s.executable(binary), binary.name())
                .orElseThrow(() -> new MissingBinaryException(binary));
    }

    /**
     * Where {@code distribution} is installed or provisioned.
     *
     * @throws MissingDistributionException when no source has it
     * @throws UnavailableVersionException  when none has the version asked for
     * @throws ProvisionFailedException     when it had to be fetched and could not be
     */
    public InstalledDistribution distribution(JavaDistribution distribution) {
        return first(distribution.provision() != null, s -> s.distribution(distribution), distribution.name())
                .orElseThrow(() -> new MissingDistributionException(distribution));
    }

    private <T> Optional<T> first(boolean provisionable, Function<BinarySource, Optional<T>> lookup, String name) {
        List<BinarySource> sources = sources(provisionable);
        String offered = null;
        for (BinarySource source : sources) {
            try {
                Optional<T> found = lookup.apply(source);
                if (found.isPresent()) {
                    return found;
                }
            } catch (UnavailableVersionException e) {
                offered = e.installHint();
            }
        }
        if (version == null) {
            return Optional.empty();
        }
        List<String> seen = new ArrayList<>();
        sources.stream().map(BinarySource::seen).filter(s -> !s.isEmpty()).forEach(seen::add);
        if (offered != null) {
            seen.add(offered);
        }
        throw new UnavailableVersionException(name + " " + version,
                seen.isEmpty() ? "nothing installed or provisionable matches" : String.join("; ", seen));
    }

    private List<BinarySource> sources(boolean provisionable) {
        InstalledSource installed = new InstalledSource(version, environment);
        if (!provisionable) {
            return List.of(installed);
        }
        ProvisionedSource provisioned = new ProvisionedSource(provisioner, version, progress, environment);
        return switch (mode) {
            case AUTO -> List.of(installed, provisioned);
            case INSTALLED -> List.of(installed);
            case PROVISIONED -> List.of(provisioned);
        };
    }

    /**
     * The sources of {@code mode}, provisioning into {@code provisionDir} ({@code null}: the default)
     * when they must, everything looked up as {@code environment} says.
     */
    public static DaemonSources of(ProvisionMode mode, String version, List<Path> binaryDirectories, Path provisionDir,
                                   TransferProgress progress, Environment environment) {
        return new DaemonSources(mode, version, binaryDirectories, () -> Provisioner.shared(provisionDir, environment),
                progress, environment);
    }
}
