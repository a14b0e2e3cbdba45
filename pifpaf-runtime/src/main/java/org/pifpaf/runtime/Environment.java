package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment variables a start reads and hands its processes: where binaries are
 * ({@code PATH}, {@code ${KAFKA_HOME}}-style search directories), where data and caches go
 * ({@code TMPDIR}, {@code HOME}, {@code XDG_*}, {@code PIFPAF_CACHE_DIR}), pifpaf's own settings
 * ({@code PIFPAF_RUN_AS}, {@code PIFPAF_PROVISION}, ...), and the daemons' own environment, which
 * is this one plus what the driver exports. Immutable.
 *
 * <p>Usually the process's own ({@link #process()}: the one place pifpaf reads
 * {@link System#getenv()}); the pifpaf server starts each daemon in its client's instead
 * ({@link StartRequest.Builder#environment(Map)}).
 */
public final class Environment {

    private static final Environment PROCESS = new Environment(System.getenv());

    private final Map<String, String> variables;

    private Environment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** This process's environment. */
    public static Environment process() {
        return PROCESS;
    }

    /** An environment of {@code variables} (copied). */
    public static Environment of(Map<String, String> variables) {
        return new Environment(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(variables))));
    }

    /** The value of {@code name}, or {@code null} when it is not set. */
    public String get(String name) {
        return variables.get(name);
    }

    /** The value of {@code name}, if it is set and not blank (as pifpaf's settings are read). */
    public Optional<String> nonBlank(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Whether {@code name} is unset or blank. */
    public boolean unset(String name) {
        return nonBlank(name).isEmpty();
    }

    /** Every variable, unmodifiable. */
    public Map<String, String> asMap() {
        return variables;
    }

    /**
     * The user's home directory, as the files pifpaf keeps there (configuration, cache) and a
     * {@code ~} in the configuration mean it: {@code $HOME}, as shells and other XDG-following
     * tools read it, else the password file's entry (Java's {@code user.home}).
     */
    public Path home() {
        return Path.of(nonBlank("HOME").orElse(System.getProperty("user.home")));
    }

    /** The directories of {@code PATH}, in order; empty entries are left out, as pifpaf always read it. */
    public List<Path> path() {
        return directories("PATH");
    }

    /** The directories of {@code variable}, a colon-separated list ({@code PATH}), in order, blank entries left out. */
    public List<Path> directories(String variable) {
        String list = variables.get(variable);
        List<Path> dirs = new ArrayList<>();
        if (list != null) {
            for (String dir : list.split(":")) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs;
    }

    /** The temporary directory: {@code $TMPDIR}, else Java's. */
    public Path tmpDir() {
        return Path.of(nonBlank("TMPDIR").orElse(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Environment that && variables.equals(that.variables);
    }

    @Override
    public int hashCode() {
        return variables.hashCode();
    }

    @Override
    public String toString() {
        return "Environment" + variables.keySet();
    }
}
