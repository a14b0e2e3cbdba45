package org.pifpaf.provision;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * Reads Maven's settings as {@code mvn} does: the global file ({@code conf/settings.xml} of the
 * Maven installation that {@code mvn} on {@code PATH}, {@code MAVEN_HOME} or {@code M2_HOME}
 * names) under the user's, with {@code ${...}} interpolated and passwords decrypted with
 * {@code ~/.m2/settings-security.xml}; the Maven installation and {@code ${env.X}} come from the
 * environment of the start (the pifpaf server's client's, not the server's).
 */
final class SettingsLoader {

    private SettingsLoader() {
    }

    /** The effective settings; missing files are empty settings. */
    static Settings load(Path userSettings, Environment environment) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        request.setUserSettingsFile(userSettings.toFile());
        globalSettings(environment).ifPresent(request::setGlobalSettingsFile);
        request.setSystemProperties(withEnvironment(environment));
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

    /**
     * The system properties with {@code env.NAME} for each variable of {@code environment}: the
     * settings builder looks properties up before the process's own environment, so
     * {@code ${env.NAME}} reads {@code environment}.
     */
    private static Properties withEnvironment(Environment environment) {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        environment.asMap().forEach((name, value) -> properties.setProperty("env." + name, value));
        return properties;
    }

    private static Optional<File> globalSettings(Environment environment) {
        for (String variable : new String[] {"MAVEN_HOME", "M2_HOME"}) {
            Optional<String> home = environment.nonBlank(variable);
            if (home.isPresent()) {
                return existing(Path.of(home.get(), "conf", "settings.xml"));
            }
        }
        String path = environment.get("PATH");
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
