package org.pifpaf.api;

import java.util.List;
import java.util.Objects;

/**
 * An executable a driver needs, where to look for it besides {@code PATH}, and which packages
 * install it, so a missing binary gets an actionable message.
 *
 * <pre>{@code
 * Binary.named("redis-server").debian("redis-server").brew("redis")
 * Binary.named("postgres").inDirOf("pg_config", "--bindir").in("/usr/lib/postgresql/*}{@code /bin")
 * }</pre>
 *
 * @param name          the file name to look for
 * @param searchDirs    directories searched before {@code PATH}; a {@code *} segment matches any
 *                      directory name, the highest version-sorted match first
 * @param bindirCommand a command whose output is a directory to search first (e.g.
 *                      {@code pg_config --bindir}); empty for none
 * @param debianPackage the Debian/Ubuntu package that installs it, or {@code null}
 * @param brewFormula   the Homebrew formula that installs it, or {@code null}
 * @param npmPackage    the npm package that installs it ({@code npm install -g}), or {@code null}
 * @param versionArgs   arguments that make it print its version cheaply; empty if it cannot
 */
public record Binary(String name, List<String> searchDirs, List<String> bindirCommand,
                     String debianPackage, String brewFormula, String npmPackage, List<String> versionArgs) {

    public Binary {
        Objects.requireNonNull(name, "name");
        searchDirs = List.copyOf(searchDirs);
        bindirCommand = List.copyOf(bindirCommand);
        versionArgs = List.copyOf(versionArgs);
    }

    /** A binary looked up on {@code PATH}, printing its version with {@code --version}. */
    public static Binary named(String name) {
        return new Binary(name, List.of(), List.of(), null, null, null, List.of("--version"));
    }

    /** Also searches these directories, before {@code PATH}. */
    public Binary in(String... dirs) {
        return new Binary(name, concat(searchDirs, List.of(dirs)), bindirCommand, debianPackage,
                brewFormula, npmPackage, versionArgs);
    }

    /** First searches the directory that {@code command} prints (e.g. {@code pg_config --bindir}). */
    public Binary inDirOf(String... command) {
        return new Binary(name, searchDirs, List.of(command), debianPackage, brewFormula, npmPackage, versionArgs);
    }

    /** A binary that cannot print its version cheaply ({@code list-drivers} will not ask). */
    public Binary noVersion() {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, List.of());
    }

    /** The Debian/Ubuntu package that installs it. */
    public Binary debian(String packageName) {
        return new Binary(name, searchDirs, bindirCommand, packageName, brewFormula, npmPackage, versionArgs);
    }

    /** The Homebrew formula that installs it. */
    public Binary brew(String formula) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, formula, npmPackage, versionArgs);
    }

    /** The npm package that installs it globally. */
    public Binary npm(String packageName) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, packageName, versionArgs);
    }

    /** The arguments that print its version (default {@code --version}). */
    public Binary versionArgs(String... args) {
        return new Binary(name, searchDirs, bindirCommand, debianPackage, brewFormula, npmPackage, List.of(args));
    }

    /** "install it with 'apt-get install X' or 'brew install Y'", for error messages. */
    public String installHint() {
        List<String> ways = new java.util.ArrayList<>();
        if (debianPackage != null) {
            ways.add("'apt-get install " + debianPackage + "'");
        }
        if (brewFormula != null) {
            ways.add("'brew install " + brewFormula + "'");
        }
        if (npmPackage != null) {
            ways.add("'npm install -g " + npmPackage + "'");
        }
        return ways.isEmpty() ? "install it and put it on PATH" : "install it with " + String.join(" or ", ways);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
