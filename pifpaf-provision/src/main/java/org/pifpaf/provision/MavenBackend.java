package org.pifpaf.provision;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.version.Version;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.provision.spi.ArtifactCoordinates;
import org.pifpaf.runtime.provision.spi.Fetched;
import org.pifpaf.runtime.provision.spi.ProvisionBackend;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's {@link ProvisionBackend} on Maven's resolver: a {@link RepositorySystem} from
 * {@link RepositorySystemSupplier} (no Sisu, no Guice), a session and repositories from the
 * user's settings ({@link RepositorySetup}), archives unpacked by {@link Archives}.
 */
final class MavenBackend implements ProvisionBackend {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final ProgressRelay relay = new ProgressRelay();

    MavenBackend(Settings settings, Environment environment) {
        this.system = new RepositorySystemSupplier().get();
        this.session = RepositorySetup.session(system, settings, relay, environment);
        this.repositories = RepositorySetup.repositories(system, session, settings);
    }

    @Override
    public synchronized List<String> versions(ArtifactCoordinates artifact) {
        VersionRangeRequest request = new VersionRangeRequest(toArtifact(artifact.withVersion("[0,)")), repositories,
                "pifpaf");
        try {
            VersionRangeResult result = system.resolveVersionRange(session, request);
            List<String> versions = result.getVersions().stream().map(Version::toString).collect(Collectors.toList());
            if (versions.isEmpty() && !result.getExceptions().isEmpty()) {
                // The local repository's "not found" comes first; why the remote one failed (a
                // refused connection, a 401) is what the user needs to hear.
                Exception why = result.getExceptions().stream().filter(e -> !(e instanceof MetadataNotFoundException))
                        .findFirst().orElse(result.getExceptions().get(0));
                throw failure("cannot list the versions of " + artifact, why);
            }
            return versions;
        } catch (VersionRangeResolutionException e) {
            throw failure("cannot list the versions of " + artifact, e);
        }
    }

    @Override
    public synchronized Fetched resolve(ArtifactCoordinates artifact, boolean withDependencies,
                                        List<String> provided, List<String> jars, TransferProgress progress) {
        relay.tell(progress);
        try {
            List<Path> files = fetch(artifact, withDependencies, provided, jars);
            String sha1 = null;
            List<Path> damaged = new ArrayList<>();
            for (Path file : files) {
                Optional<String> verified = LocalChecksums.verifiedSha1(file, relay.downloaded(file));
                if (verified.isEmpty()) {
                    LOG.warn("{} does not match its checksum (truncated or damaged); fetching it again", file);
                    LocalChecksums.forget(file);
                    damaged.add(file);
                } else if (file.equals(files.get(0))) {
                    sha1 = verified.get();
                }
            }
            if (damaged.isEmpty()) {
                return new Fetched(files, sha1);
            }
            files = fetch(artifact, withDependencies, provided, jars);
            for (Path file : damaged) {
                Optional<String> verified = LocalChecksums.verifiedSha1(file, relay.downloaded(file));
                if (verified.isEmpty()) {
                    throw new ProvisionFailedException(file + " still does not match its checksum after fetching it"
                            + " again from " + repositories());
                }
                if (file.equals(files.get(0))) {
                    sha1 = verified.get();
                }
            }
            return new Fetched(files, sha1);
        } catch (IOException e) {
            throw failure("cannot check " + artifact, e);
        } finally {
            relay.tell(TransferProgress.NONE);
        }
    }

    private List<Path> fetch(ArtifactCoordinates coordinates, boolean withDependencies, List<String> provided,
                             List<String> jars) {
        Artifact artifact = toArtifact(coordinates);
        try {
            if (!withDependencies) {
                ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories,
                        "pifpaf"));
                return List.of(result.getArtifact().getPath());
            }
            CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), repositories);
            // The artifact's own dependencies given again with scope runtime win over its POM's
            // (a collect request's dependencies are merged over the root's), so they join the class path.
            List<Dependency> more = new ArrayList<>(providedDependencies(artifact, provided));
            for (String jar : jars) {
                more.add(new Dependency(new DefaultArtifact(jar), JavaScopes.RUNTIME));
            }
            collect.setDependencies(more);
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> files = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                Path file = result.getArtifact().getPath();
                boolean root = result.getArtifact().getGroupId().equals(artifact.getGroupId())
                        && result.getArtifact().getArtifactId().equals(artifact.getArtifactId());
                files.add(root ? 0 : files.size(), file);
            }
            return files;
        } catch (org.eclipse.aether.RepositoryException e) {
            throw failure("cannot fetch " + coordinates, e);
        }
    }

    /** The dependencies named in {@code provided}, at the versions the artifact's POM gives them, with scope runtime. */
    private List<Dependency> providedDependencies(Artifact artifact, List<String> provided)
            throws ArtifactDescriptorException {
        if (provided.isEmpty()) {
            return List.of();
        }
        List<Dependency> declared = system.readArtifactDescriptor(session,
                new ArtifactDescriptorRequest(artifact, repositories, "pifpaf")).getDependencies();
        List<Dependency> found = new ArrayList<>();
        for (String id : provided) {
            Dependency dependency = declared.stream()
                    .filter(d -> id.equals(d.getArtifact().getGroupId() + ":" + d.getArtifact().getArtifactId()))
                    .findFirst()
                    .orElseThrow(() -> new ProvisionFailedException(artifact + " declares no dependency " + id
                            + " (a mistake in the driver's declaration)"));
            found.add(dependency.setScope(JavaScopes.RUNTIME).setOptional(false));
        }
        return found;
    }

    @Override
    public synchronized void forget(ArtifactCoordinates artifact) {
        Path file = session.getLocalRepositoryManager().getRepository().getBasePath()
                .resolve(session.getLocalRepositoryManager().getPathForLocalArtifact(toArtifact(artifact)));
        try {
            LocalChecksums.forget(file);
        } catch (IOException e) {
            throw failure("cannot remove " + file, e);
        }
    }

    @Override
    public String repositories() {
        return repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "))
                + (session.isOffline() ? ", offline" : "");
    }

    @Override
    public void unpack(Path archive, String name, Path into, boolean stripTopDirectory) throws IOException {
        Archives.unpack(archive, name, into, stripTopDirectory);
    }

    private ProvisionFailedException failure(String what, Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ProvisionFailedException(what + " from " + repositories() + ": " + why.lines().findFirst().orElse(why),
                cause);
    }

    private static Artifact toArtifact(ArtifactCoordinates coordinates) {
        return new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(), coordinates.classifier(),
                coordinates.extension(), coordinates.version());
    }
}
