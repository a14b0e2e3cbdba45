package org.pifpaf.runtime.provision;

import java.nio.file.Path;
import org.pifpaf.runtime.system.HomeDirectory;

/** Which Maven settings provisioning reads: the user's own, as {@code mvn} would. */
public final class MavenSettings {

    /** Names another user settings file (as {@code mvn -s}); also the system property {@code pifpaf.maven.settings}. */
    public static final String VARIABLE = "PIFPAF_MAVEN_SETTINGS";

    private MavenSettings() {
    }

    /** {@code -Dpifpaf.maven.settings}, else {@code $PIFPAF_MAVEN_SETTINGS}, else {@code ~/.m2/settings.xml}. */
    public static Path userSettings() {
        String property = System.getProperty("pifpaf.maven.settings");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return HomeDirectory.path().resolve(".m2").resolve("settings.xml");
    }

    /** Maven's default local repository, {@code ~/.m2/repository}, where settings name none. */
    public static Path defaultLocalRepository() {
        return HomeDirectory.path().resolve(".m2").resolve("repository");
    }
}
