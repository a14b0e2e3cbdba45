package org.pifpaf.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An executable a driver needs, where to look for it besides {@code PATH}, and which packages
 * install it, so a missing binary gets an actionable message. Immutable; every setter returns a
 * new value. Made only by {@link #named(String)}, so that later versions can add settings
 * without breaking compiled drivers.
 *
 * <pre>{@code
 * Binary.named("redis-server").debian("redis-server").brew("redis")
 * Binary.named("postgres").inDirOf("pg_config", "--bindir").in("/usr/lib/postgresql/*}{@code /bin")
 * Binary.named("elasticsearch").in("${ES_HOME}/bin", "/usr/share/elasticsearch/bin")
 * }</pre>
 */
public final class Binary {

    private final String name;
    private final List<String> searchDirs;
    private final List<String> bindirCommand;
    private final String debianPackage;
    private final String brewFormula;
    private final String npmPackage;
    private final List<String> versionArgs;
    private final boolean versionInRealPath;
    private final List<String> otherWays;
    private final Provision provision;
    private final String provisionedPath;

    private Binary(String name, List<String> searchDirs, List<String> bindirCommand, String debianPackage,
                   String brewFormula, String npmPackage, List<String> versionArgs, boolean versionInRealPath,
                   List<String> otherWays, Provision provision, String provisionedPath) {
        this.name = Objects.requireNonNull(name, "name");
        this.searchDirs = List.copyOf(searchDirs);
        this.bindirCommand = List.copyOf(bindirCommand);
        this.debianPackage = debianPackage;
        this.brewFormula = brewFormula;
        this.npmPackage = npmPackage;
        this.versionArgs = List.copyOf(versionArgs);
        this.versionInRealPath = versionInRealPath;
        this.otherWays = List.copyOf(otherWays);
        this.provision = provision;
        this.provisionedPath = provisionedPath;
    }

    /** A binary looked up on {@code PATH}, printing its version with {@code --version}. */
    public static Binary named(String name) {
        return new Binary(name, List.of(), List.of(), null, null, null, List.of("--version"), false, List.of(), null,
                null);
    }

    /**
     * The binary that runs Java daemons: {@code $JAVA_HOME/bin/java}, else {@code java} on
     * {@code PATH}. It shows no version in {@code list-drivers}, where the daemon's own is wanted.
     */
    public static Binary java() {
        return named("java").in("${JAVA_HOME}/bin").noVersion().debian("default-jre-headless").brew("openjdk");
    }

    /**
     * Also searches these directories, before {@code PATH}. A {@code *} segment matches any
     * directory name, the highest version-sorted match first; {@code ${NAME}} stands for an
     * environment variable, and a directory naming one that is not set is skipped.
     */
    public Binary in(String... dirs) {
        List<String> all = new ArrayList<>(searchDirs);
        all.addAll(List.of(dirs));
        return new Binary(name, all, bindirCommand, debianPackage, brewFormula, npmPackage,
                versionArgs, versionInRealPath, otherWays, provision, provisionedPath);
    }

    /** First searches the directory that {@code command} prints (e.g. {@code pg_config --bindir}). */
    public Binary inDirOf(String... command) {
        return new Binary(name, searchDirs, List.of(command), debianPackage, brewFormula, npmPackage,
                versionArgs, versionInRealPath, otherWays, provision, provisionedPath);
    }

    /** A binary that cannot print its version cheaply ({@code list-drivers} will not ask). */
    public Binary noVersion() {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, List.of(), false,
                otherWays, provision, provisionedPath);
    }

    /**
     * A binary whose version is part of its real path (symbolic links followed), as in
     * {@code /usr/lib/rabbitmq/lib/rabbitmq_server-3.10.8/sbin/rabbitmq-server}: read from there
     * rather than by running it, for daemons whose scripts cannot print a version cheaply.
     */
    public Binary versionFromRealPath() {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, List.of(), true,
                otherWays, provision, provisionedPath);
    }

    /** The Debian/Ubuntu package that installs it. */
    public Binary debian(String packageName) {
        return new Binary(name, searchDirs, bindirCommand, packageName, brewFormula, npmPackage,
                versionArgs, versionInRealPath, otherWays, provision, provisionedPath);
    }

    /** The Homebrew formula that installs it. */
    public Binary brew(String formula) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, formula, npmPackage,
                versionArgs, versionInRealPath, otherWays, provision, provisionedPath);
    }

    /** The npm package that installs it globally. */
    public Binary npm(String packageName) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, packageName,
                versionArgs, versionInRealPath, otherWays, provision, provisionedPath);
    }

    /**
     * Another way to install it, for the cases packages of Debian, Homebrew or npm do not cover:
     * an instruction as the user would follow it, such as {@code "'gem install fakes3'"} or
     * {@code "'apt-get install vault' from HashiCorp's apt repository"}. It is named after the
     * packages in {@link #installHint()}; each call adds one.
     */
    public Binary orInstall(String instruction) {
        List<String> ways = new ArrayList<>(otherWays);
        ways.add(Objects.requireNonNull(instruction, "instruction"));
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, versionArgs,
                versionInRealPath, ways, provision, provisionedPath);
    }

    /** The arguments that print its version (default {@code --version}). */
    public Binary versionArgs(String... args) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, List.of(args), false,
                otherWays, provision, provisionedPath);
    }

    /**
     * When it is not installed (or when provisioned daemons are asked for), the binary at
     * {@code path} (e.g. {@code bin/initdb}) in the tree the runtime makes from
     * {@code provision}. Binaries of one driver that share a {@link Provision} come from the same
     * tree, so their versions match.
     */
    public Binary provisionedFrom(Provision provision, String path) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, versionArgs,
                versionInRealPath, otherWays, Objects.requireNonNull(provision, "provision"),
                Objects.requireNonNull(path, "path"));
    }

    /** The file name to look for. */
    public String name() {
        return name;
    }

    /** Directories searched before {@code PATH}, as given (globs and variables unexpanded). */
    public List<String> searchDirs() {
        return searchDirs;
    }

    /** A command whose output is a directory to search first; empty for none. */
    public List<String> bindirCommand() {
        return bindirCommand;
    }

    /** The Debian/Ubuntu package that installs it, or {@code null}. */
    public String debianPackage() {
        return debianPackage;
    }

    /** The Homebrew formula that installs it, or {@code null}. */
    public String brewFormula() {
        return brewFormula;
    }

    /** The npm package that installs it ({@code npm install -g}), or {@code null}. */
    public String npmPackage() {
        return npmPackage;
    }

    /** Arguments that make it print its version cheaply; empty if it cannot. */
    public List<String> versionArgs() {
        return versionArgs;
    }

    /** Whether its version is read from its real path (see {@link #versionFromRealPath()}). */
    public boolean hasVersionInRealPath() {
        return versionInRealPath;
    }

    /** The other ways to install it ({@link #orInstall(String)}), in order; empty for none. */
    public List<String> otherWays() {
        return otherWays;
    }

    /** Where it can be fetched from when not installed, or {@code null}. */
    public Provision provision() {
        return provision;
    }

    /** Its path in the {@link #provision()}'s tree, or {@code null}. */
    public String provisionedPath() {
        return provisionedPath;
    }

    /** "install it with 'apt-get install X' or 'brew install Y'", for error messages. */
    public String installHint() {
        return InstallHint.of(debianPackage, brewFormula, npmPackage, otherWays, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Binary that && name.equals(that.name) && searchDirs.equals(that.searchDirs)
                && bindirCommand.equals(that.bindirCommand) && Objects.equals(debianPackage, that.debianPackage)
                && Objects.equals(brewFormula, that.brewFormula) && Objects.equals(npmPackage, that.npmPackage)
                && versionArgs.equals(that.versionArgs) && versionInRealPath == that.versionInRealPath
                && otherWays.equals(that.otherWays) && Objects.equals(provision, that.provision)
                && Objects.equals(provisionedPath, that.provisionedPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, versionArgs,
                versionInRealPath, otherWays, provision, provisionedPath);
    }

    @Override
    public String toString() {
        return "Binary " + name;
    }
}
