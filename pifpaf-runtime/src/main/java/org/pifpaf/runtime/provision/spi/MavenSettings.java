package org.pifpaf.runtime.provision.spi;

import java.nio.file.Path;
import org.pifpaf.runtime.Environment;

/** Which Maven settings provisioning reads: the user's own, as {@code mvn} would. */
public final class MavenSettings {

    /** Names another user settings file (as {@code mvn -s}); also the system property {@code pifpaf.maven.settings}. */
    public static final String VARIABLE = "PIFPAF_MAVEN_SETTINGS";

    private MavenSettings() {
    }

    /** {@link #userSettings(Environment)} in this process's environment. */
    public static Path userSettings() {
        return userSettings(Environment.process());
    }

    /** {@code -Dpifpaf.maven.settings}, else {@code $PIFPAF_MAVEN_SETTINGS}, else {@code ~/.m2/settings.xml}. */
    public static Path userSettings(Environment environment) {
        String property = System.getProperty("pifpaf.maven.settings");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return environment.nonBlank(VARIABLE).map(Path::of)
                .orElseGet(() -> environment.home().resolve(".m2").resolve("settings.xml"));
    }

    /** {@link #defaultLocalRepository(Environment)} in this process's environment. */
    public static Path defaultLocalRepository() {
        return defaultLocalRepository(Environment.process());
    }

    /** Maven's default local repository, {@code ~/.m2/repository}, where settings name none. */
    public static Path defaultLocalRepository(Environment environment) {
        return environment.home().resolve(".m2").resolve("repository");
    }
}
