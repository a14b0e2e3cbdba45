package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.provision.spi.ArtifactCoordinates;
import org.pifpaf.runtime.provision.spi.Fetched;
import org.pifpaf.runtime.provision.spi.MavenSettings;
import org.pifpaf.runtime.provision.spi.ProvisionBackend;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions daemons: picks the version a request asks for, has the backend fetch the
 * artifact, and keeps the tree made from it ({@link ProvisionedTrees}). A request resolved in
 * the last day ({@link ResolutionIndex}), or a full version already kept, is served from the
 * trees alone: the resolver is loaded only for what is not there yet, or is due to be checked
 * for a newer version. Thread-safe.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    /** The variables a provisioner reads besides those naming its root and settings: the backend is made from them. */
    private static final List<String> BACKEND_VARIABLES = List.of("HOME", "PATH", "MAVEN_HOME", "M2_HOME",
            Platform.VARIABLE);
    private static final Map<List<Object>, Provisioner> SHARED = new ConcurrentHashMap<>();

    private final ProvisionedTrees trees;
    private final ResolutionIndex index;
    private final Path userSettings;
    private final Environment environment;
    private final String platform;
    private ProvisionBackend backend;

    /**
     * A provisioner reading this process's environment.
     *
     * @param root         where trees are kept ({@code null}: the default, see {@link #defaultRoot()})
     * @param userSettings Maven's user settings file ({@code null}: see {@link MavenSettings#userSettings()})
     */
    public Provisioner(Path root, Path userSettings) {
        this(root, userSettings, Environment.process());
    }

    /**
     * A provisioner reading {@code environment}: the default root and settings, the platform
     * ({@code PIFPAF_PLATFORM}), the home directory and Maven installation the backend reads.
     */
    public Provisioner(Path root, Path userSettings, Environment environment) {
        this.environment = environment;
        this.trees = new ProvisionedTrees(root != null ? root : defaultRoot(environment));
        this.index = new ResolutionIndex(trees.root());
        this.userSettings = userSettings != null ? userSettings : MavenSettings.userSettings(environment);
        this.platform = Platform.current(environment);
    }

    /**
     * This JVM's provisioner for {@code root} and what {@code environment} says of the settings,
     * made once (its backend is costly).
     */
    public static Provisioner shared(Path root, Environment environment) {
        Path settings = MavenSettings.userSettings(environment);
        List<Object> key = new ArrayList<>(List.of(root != null ? root : defaultRoot(environment), settings));
        for (String variable : BACKEND_VARIABLES) {
            key.add(String.valueOf(environment.get(variable)));
        }
        return SHARED.computeIfAbsent(key, k -> new Provisioner((Path) k.get(0), (Path) k.get(1), environment));
    }

    /** {@link #defaultRoot(Environment)} in this process's environment. */
    public static Path defaultRoot() {
        return defaultRoot(Environment.process());
    }

    /** {@code $PIFPAF_PROVISION_DIR}, else root's {@code /var/cache/pifpaf/provisioned}, else the cache directory's {@code provisioned}. */
    public static Path defaultRoot(Environment environment) {
        return StoreRoot.defaultPath(environment);
    }

    /** The platform this provisioner fetches for ({@link Platform#current(Environment)}). */
    public String platform() {
        return platform;
    }

    /** The trees this provisioner keeps. */
    public ProvisionedTrees trees() {
        return trees;
    }

    /** The artifact of {@code provision} on this provisioner's platform (without version), if it has one. */
    public Optional<ArtifactCoordinates> artifactFor(Provision provision) {
        return artifactFor(provision, platform);
    }

    /** The artifact of {@code provision} on {@code platform} (without version), if it has one. */
    public static Optional<ArtifactCoordinates> artifactFor(Provision provision, String platform) {
        String name = provision.isAnyPlatform() ? "" : provision.platforms().get(platform);
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(parseCoordinates(provision.coordinates().replace("{platform}", name)));
    }

    /** Reads {@code groupId:artifactId[:extension[:classifier]]}, without a version. */
    private static ArtifactCoordinates parseCoordinates(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("not groupId:artifactId[:extension[:classifier]]: " + text);
        }
        return new ArtifactCoordinates(parts[0], parts[1], parts.length > 2 ? parts[2] : null,
                parts.length > 3 ? parts[3] : null, null);
    }

    /** The daemon versions of {@code provision} whose trees are kept here, oldest first. */
    public List<String> keptVersions(Provision provision) {
        Optional<ArtifactCoordinates> artifact = artifactFor(provision);
        if (artifact.isEmpty()) {
            return List.of();
        }
        String layout = TreeKeys.layoutText(provision);
        return trees.entries(artifact.get().artifactId() + "-").stream()
                .map(name -> TreeKeys.read(trees.root().resolve(name).resolve("key")))
                .flatMap(Optional::stream)
                .filter(key -> key.artifact().substring(0, key.artifact().lastIndexOf(':')).equals(artifact.get().toString())
                        && key.layout().equals(layout))
                .map(TreeKeys.Key::daemonVersion).distinct().sorted(DaemonVersions.ORDER).toList();
    }

    /**
     * The tree of {@code provision} at the version {@code requested} asks for (its default when
     * {@code null}): kept already, or fetched and unpacked now, telling {@code progress} how
     * downloads go.
     *
     * @throws UnavailableVersionException when no version of the artifact matches
     * @throws ProvisionFailedException    when the artifact cannot be fetched or unpacked
     */
    public synchronized Provisioned provision(Provision provision, String requested, TransferProgress progress) {
        ArtifactCoordinates artifact = artifactFor(provision).orElseThrow(() -> new ProvisionFailedException(
                provision.coordinates() + " has no build for this platform (" + platform + "; it has "
                        + String.join(", ", provision.platforms().keySet()) + ")"));
        String wanted = requested != null ? requested : provision.defaultVersion();
        String request = artifact + "@" + (wanted == null ? "" : wanted);
        Optional<ResolutionIndex.Resolution> known = index.get(request);
        Optional<Provisioned> kept = known.flatMap(r -> kept(provision, artifact, r));
        if (kept.isPresent() && (known.get().fresh() || known.get().version().equals(wanted))) {
            return kept.get();
        }
        String version;
        try {
            version = chooseVersion(provision, artifact, wanted);
        } catch (ProvisionFailedException e) {
            if (kept.isPresent()) {
                LOG.info("{}; using {} provisioned before", e.getMessage(), kept.get().artifact());
                return kept.get();
            }
            throw e;
        }
        ArtifactCoordinates chosen = artifact.withVersion(version);
        Provisioned made;
        // Held from the download to the tree: another process asking for the same artifact
        // waits, then finds the tree made here instead of fetching the artifact again.
        try (StoreLock fetching = trees.lock(".fetch-" + TreeKeys.artifactName(chosen))) {
            made = keptAt(provision, chosen).orElseGet(() -> fetchAndUnpack(provision, chosen, progress));
        } catch (IOException e) {
            throw new ProvisionFailedException("cannot keep provisioned daemons in " + trees.root() + ": "
                    + e.getMessage(), e);
        }
        index.put(request, new ResolutionIndex.Resolution(version, made.tree().getParent().getFileName().toString(),
                Instant.now()));
        return made;
    }

    /**
     * The tree made from exactly {@code artifact} (a release never changes) with this layout, if
     * one is kept: it needs neither the resolver nor the network.
     */
    private Optional<Provisioned> keptAt(Provision provision, ArtifactCoordinates artifact) {
        String layout = TreeKeys.layoutText(provision);
        for (String name : trees.entries(TreeKeys.namePrefix(artifact))) {
            Optional<TreeKeys.Key> key = TreeKeys.read(trees.root().resolve(name).resolve("key"));
            if (key.isPresent() && key.get().artifact().equals(artifact.toString())
                    && key.get().layout().equals(layout)) {
                Optional<Path> tree = trees.find(name, layout);
                if (tree.isPresent()) {
                    return Optional.of(new Provisioned(tree.get(), key.get().daemonVersion(), artifact));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #provision}, and a tree kept already is checked against its manifest first: one
     * damaged since it was made (files removed or changed by hand, a disk full) is made again.
     * For {@code pifpaf fetch}, which prepares machines (CI caches) ahead of time.
     */
    public synchronized Provisioned fetch(Provision provision, String requested, TransferProgress progress) {
        Provisioned provisioned = provision(provision, requested, progress);
        String entry = provisioned.tree().getParent().getFileName().toString();
        if (trees.intact(entry)) {
            return provisioned;
        }
        LOG.warn("provisioned tree {} does not match its manifest; making it again", provisioned.tree().getParent());
        try {
            trees.discard(entry);
        } catch (IOException e) {
            throw new ProvisionFailedException("cannot remove the damaged tree " + provisioned.tree().getParent()
                    + ": " + e.getMessage(), e);
        }
        return provision(provision, requested, progress);
    }

    private Optional<Provisioned> kept(Provision provision, ArtifactCoordinates artifact,
                                       ResolutionIndex.Resolution resolution) {
        return trees.find(resolution.entry(), TreeKeys.layoutText(provision))
                .map(tree -> new Provisioned(tree, daemonVersion(provision, resolution.version()),
                        artifact.withVersion(resolution.version())));
    }

    private String chooseVersion(Provision provision, ArtifactCoordinates artifact, String wanted) {
        if (provision.artifactVersion() != null) {
            if (!DaemonVersions.matches(wanted, provision.daemonVersion())) {
                throw new UnavailableVersionException(artifact.artifactId() + " " + wanted,
                        "provisionable from " + artifact + ": " + provision.daemonVersion() + " only");
            }
            return provision.artifactVersion();
        }
        List<String> versions = backend().versions(artifact);
        return DaemonVersions.newestMatching(wanted, versions).orElseThrow(() -> new UnavailableVersionException(
                artifact.artifactId() + " " + wanted, "provisionable from " + artifact + ": "
                        + (versions.isEmpty() ? "none" : DaemonVersions.summary(versions))));
    }

    private Provisioned fetchAndUnpack(Provision provision, ArtifactCoordinates artifact, TransferProgress progress) {
        String platformName = provision.isAnyPlatform() ? null : provision.platforms().get(platform);
        boolean withDependencies = provision.layout() == Provision.Layout.JARS;
        for (int attempt = 1; ; attempt++) {
            Fetched fetched = backend().resolve(artifact, withDependencies, provision.provided(),
                    provision.jars(), progress);
            List<Path> files = fetched.files();
            try {
                TreeKeys.Key key = new TreeKeys.Key(artifact.toString(), fetched.sha1(),
                        daemonVersion(provision, artifact.version()), TreeKeys.layoutText(provision));
                Path tree = trees.findOrCreate(TreeKeys.entryName(artifact, key), key.text(), staging -> {
                    long started = System.nanoTime();
                    TreeLayout.fill(provision, platformName, files, backend(), staging);
                    LOG.info("unpacked {} in {} ms into {}", artifact, (System.nanoTime() - started) / 1_000_000,
                            trees.root());
                });
                return new Provisioned(tree, key.daemonVersion(), artifact);
            } catch (IOException e) {
                if (attempt > 1) {
                    throw new ProvisionFailedException("cannot unpack " + artifact + " (from " + backend().repositories()
                            + ") into " + trees.root() + ": " + e.getMessage(), e);
                }
                // A file corrupt in a way its checksum did not show (or no checksum): fetch it again, once.
                LOG.warn("cannot unpack {} ({}); fetching it again", artifact, e.getMessage());
                backend().forget(artifact);
            }
        }
    }

    private static String daemonVersion(Provision provision, String artifactVersion) {
        return provision.artifactVersion() != null ? provision.daemonVersion() : artifactVersion;
    }

    private synchronized ProvisionBackend backend() {
        if (backend == null) {
            backend = Backends.create(userSettings, environment);
        }
        return backend;
    }
}
