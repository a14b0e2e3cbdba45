package org.pifpaf.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A driver that another one starts through {@link DriverContext#daemon(String)}, as Gnocchi
 * starts a PostgreSQL. Declared in {@link DaemonDriver#nestedDrivers()}, so that
 * {@code pifpaf list-drivers} can say whether it is available, and so that a missing one is
 * reported with what provides it. Immutable; made only by {@link #named(String)}.
 *
 * <pre>{@code
 * NestedDriver.named("postgresql")
 * NestedDriver.named("redis").when("with --coordination-driver redis")
 * NestedDriver.named("mosquitto").providedBy("com.example:pifpaf-mosquitto", "com.example.pifpaf.mosquitto")
 * }</pre>
 */
public final class NestedDriver {

    private final String name;
    private final String artifact;
    private final String module;
    private final String condition;

    private NestedDriver(String name, String artifact, String module, String condition) {
        this.name = Objects.requireNonNull(name, "name");
        this.artifact = Objects.requireNonNull(artifact, "artifact");
        this.module = Objects.requireNonNull(module, "module");
        this.condition = condition;
    }

    /**
     * The driver called {@code name}, one of pifpaf's own: provided by the artifact
     * {@code org.pifpaf:pifpaf-driver-<name>}, module {@code org.pifpaf.driver.<name>}.
     */
    public static NestedDriver named(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replace("-", "");
        return new NestedDriver(name, "org.pifpaf:pifpaf-driver-" + name, "org.pifpaf.driver." + plain, null);
    }

    /** Provided by another project: its Maven coordinates ({@code group:artifact}) and module name. */
    public NestedDriver providedBy(String mavenArtifact, String moduleName) {
        return new NestedDriver(name, mavenArtifact, moduleName, condition);
    }

    /** Started only in some cases, e.g. {@code "with --coordination-driver redis"}. */
    public NestedDriver when(String description) {
        return new NestedDriver(name, artifact, module, Objects.requireNonNull(description, "description"));
    }

    /** The nested driver's name. */
    public String name() {
        return name;
    }

    /** The Maven coordinates ({@code group:artifact}) of the jar that provides it. */
    public String artifact() {
        return artifact;
    }

    /** The module that provides it. */
    public String module() {
        return module;
    }

    /** When it is started, or {@code null} when always. */
    public String condition() {
        return condition;
    }

    /** "the jar of org.pifpaf:pifpaf-driver-x (module org.pifpaf.driver.x)", for messages. */
    public String provider() {
        return "the jar of " + artifact + " (module " + module + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NestedDriver that && name.equals(that.name) && artifact.equals(that.artifact)
                && module.equals(that.module) && Objects.equals(condition, that.condition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, artifact, module, condition);
    }

    @Override
    public String toString() {
        return name + (condition == null ? "" : " (" + condition + ")");
    }
}
