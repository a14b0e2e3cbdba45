package org.pifpaf.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a daemon written in Java keeps its jars, as a driver declares it: the runtime finds the
 * installation ({@link DriverContext#distribution(JavaDistribution)}), so that no driver searches
 * the file system itself. Immutable; made only by {@link #named(String)}.
 *
 * <p>The search, first match wins: the directory named by {@link #homeVariable}; the installation
 * a {@link #launcher} script on {@code PATH} belongs to (its real path's {@code ../}); the
 * well-known installation directories ({@link #in}); the flat directories of jars
 * ({@link #jarsIn}). An installation directory qualifies when its {@code lib}, {@code libs},
 * {@code libexec/lib}, {@code libexec/libs}, or the directory itself, holds the {@link #jar
 * marker jar}, whose name also gives the version.
 *
 * <pre>{@code
 * JavaDistribution.named("zookeeper").jar("zookeeper-[0-9]*.jar")
 *         .homeVariable("ZOOKEEPER_HOME").launcher("zkServer.sh")
 *         .in("/usr/share/zookeeper", "/opt/*zookeeper*")
 *         .jarsIn("/usr/share/java").withJars("slf4j-log4j12.jar", "log4j-1.2.jar")
 *         .debian("zookeeper").brew("zookeeper")
 * }</pre>
 */
public final class JavaDistribution {

    private final String name;
    private final String jar;
    private final String homeVariable;
    private final List<String> launchers;
    private final List<String> homes;
    private final List<String> jarDirs;
    private final List<String> extraJars;
    private final String debianPackage;
    private final String brewFormula;
    private final Provision provision;

    private JavaDistribution(String name, String jar, String homeVariable, List<String> launchers, List<String> homes,
                             List<String> jarDirs, List<String> extraJars, String debianPackage, String brewFormula,
                             Provision provision) {
        this.name = Objects.requireNonNull(name, "name");
        this.jar = jar;
        this.homeVariable = homeVariable;
        this.launchers = List.copyOf(launchers);
        this.homes = List.copyOf(homes);
        this.jarDirs = List.copyOf(jarDirs);
        this.extraJars = List.copyOf(extraJars);
        this.debianPackage = debianPackage;
        this.brewFormula = brewFormula;
        this.provision = provision;
    }

    /** A distribution called {@code name} in messages; its marker jar defaults to {@code <name>-[0-9]*.jar}. */
    public static JavaDistribution named(String name) {
        return new JavaDistribution(name, name + "-[0-9]*.jar", null, List.of(), List.of(), List.of(), List.of(),
                null, null, null);
    }

    /** The jar (a glob, e.g. {@code kafka_*-[0-9]*.jar}) that marks the installation and gives its version. */
    public JavaDistribution jar(String glob) {
        return new JavaDistribution(name, Objects.requireNonNull(glob), homeVariable, launchers, homes, jarDirs,
                extraJars, debianPackage, brewFormula, provision);
    }

    /** The environment variable that names the installation directory, e.g. {@code KAFKA_HOME}. */
    public JavaDistribution homeVariable(String variable) {
        return new JavaDistribution(name, jar, variable, launchers, homes, jarDirs, extraJars, debianPackage,
                brewFormula, provision);
    }

    /** Scripts whose installation is found from {@code PATH}, e.g. {@code kafka-server-start.sh}. */
    public JavaDistribution launcher(String... scripts) {
        return new JavaDistribution(name, jar, homeVariable, concat(launchers, scripts), homes, jarDirs, extraJars,
                debianPackage, brewFormula, provision);
    }

    /** Well-known installation directories; {@code *} segments and {@code ${VAR}} as in {@link Binary#in}. */
    public JavaDistribution in(String... dirs) {
        return new JavaDistribution(name, jar, homeVariable, launchers, concat(homes, dirs), jarDirs, extraJars,
                debianPackage, brewFormula, provision);
    }

    /** Flat directories of jars from many packages, such as Debian's {@code /usr/share/java}. */
    public JavaDistribution jarsIn(String... dirs) {
        return new JavaDistribution(name, jar, homeVariable, launchers, homes, concat(jarDirs, dirs), extraJars,
                debianPackage, brewFormula, provision);
    }

    /** Jars of a flat directory added to the class path beside the marker when present (a logging binding). */
    public JavaDistribution withJars(String... names) {
        return new JavaDistribution(name, jar, homeVariable, launchers, homes, jarDirs, concat(extraJars, names),
                debianPackage, brewFormula, provision);
    }

    /** The Debian/Ubuntu package that installs it. */
    public JavaDistribution debian(String packageName) {
        return new JavaDistribution(name, jar, homeVariable, launchers, homes, jarDirs, extraJars, packageName,
                brewFormula, provision);
    }

    /** The Homebrew formula that installs it. */
    public JavaDistribution brew(String formula) {
        return new JavaDistribution(name, jar, homeVariable, launchers, homes, jarDirs, extraJars, debianPackage,
                formula, provision);
    }

    /**
     * When it is not installed (or when provisioned daemons are asked for), the tree the runtime
     * makes from {@code provision}: with {@link Provision.Layout#JARS} its {@code lib} holds the
     * jars; an unpacked release is searched like an installation directory.
     */
    public JavaDistribution provisionedFrom(Provision provision) {
        return new JavaDistribution(name, jar, homeVariable, launchers, homes, jarDirs, extraJars, debianPackage,
                brewFormula, Objects.requireNonNull(provision, "provision"));
    }

    /** Where it can be fetched from when not installed, or {@code null}. */
    public Provision provision() {
        return provision;
    }

    /** The name used in messages. */
    public String name() {
        return name;
    }

    /** The marker jar's glob. */
    public String jar() {
        return jar;
    }

    /** The home variable, or {@code null}. */
    public String homeVariable() {
        return homeVariable;
    }

    /** The launcher scripts looked for on {@code PATH}. */
    public List<String> launchers() {
        return launchers;
    }

    /** The well-known installation directories, as given. */
    public List<String> homes() {
        return homes;
    }

    /** The flat directories of jars, as given. */
    public List<String> jarDirs() {
        return jarDirs;
    }

    /** The extra jars taken from a flat directory. */
    public List<String> extraJars() {
        return extraJars;
    }

    /** The Debian/Ubuntu package, or {@code null}. */
    public String debianPackage() {
        return debianPackage;
    }

    /** The Homebrew formula, or {@code null}. */
    public String brewFormula() {
        return brewFormula;
    }

    /** "install it with 'apt-get install X', or set X_HOME to its directory", for messages. */
    public String installHint() {
        return InstallHint.of(debianPackage, brewFormula, null, homeVariable);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JavaDistribution that && name.equals(that.name) && jar.equals(that.jar)
                && Objects.equals(homeVariable, that.homeVariable) && launchers.equals(that.launchers)
                && homes.equals(that.homes) && jarDirs.equals(that.jarDirs) && extraJars.equals(that.extraJars)
                && Objects.equals(debianPackage, that.debianPackage) && Objects.equals(brewFormula, that.brewFormula)
                && Objects.equals(provision, that.provision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, jar, homeVariable, launchers, homes, jarDirs, extraJars, debianPackage, brewFormula,
                provision);
    }

    @Override
    public String toString() {
        return "JavaDistribution " + name;
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
