package org.pifpaf.provision;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.pifpaf.runtime.provision.ProvisionFailedException;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Reads Maven's settings as {@code mvn} does: the global file ({@code conf/settings.xml} of the
 * Maven installation that {@code mvn} on {@code PATH}, {@code MAVEN_HOME} or {@code M2_HOME}
 * names) under the user's, with {@code ${...}} interpolated and passwords decrypted with
 * {@code ~/.m2/settings-security.xml}.
 */
final class SettingsLoader {

    private SettingsLoader() {
    }

    /** The effective settings; missing files are empty settings. */
    static Settings load(Path userSettings) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(userSettings.toFile());
        globalSettings().ifPresent(request::setGlobalSettingsFile);
        request.setSystemProperties(System.getProperties());
        Settings settings;
        try {
            settings = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new ProvisionFailedException("cannot read Maven settings " + userSettings + ": "
                    + e.getMessage().lines().skip(1).findFirst().orElse(e.getMessage()).trim(), e);
        }
        Path security = userSettings.resolveSibling("settings-security.xml");
        DefaultSecDispatcher dispatcher = new DefaultSecDispatcher(new DefaultPlexusCipher(), java.util.Map.of(),
                security.toString());
        SettingsDecryptionResult decrypted = new DefaultSettingsDecrypter(dispatcher)
                .decrypt(new DefaultSettingsDecryptionRequest(settings));
        settings.setServers(decrypted.getServers());
        settings.setProxies(decrypted.getProxies());
        return settings;
    }

    private static Optional<File> globalSettings() {
        for (String variable : new String[] {"MAVEN_HOME", "M2_HOME"}) {
            String home = System.getenv(variable);
            if (home != null && !home.isBlank()) {
                return existing(Path.of(home, "conf", "settings.xml"));
            }
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path mvn = Path.of(dir.isEmpty() ? "." : dir, "mvn");
            if (Files.isExecutable(mvn)) {
                try {
                    // bin/mvn's real path: its installation's conf/settings.xml.
                    return existing(mvn.toRealPath().getParent().resolveSibling("conf").resolve("settings.xml"));
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<File> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file.toFile()) : Optional.empty();
    }
}
