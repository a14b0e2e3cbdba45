package org.pifpaf.provision;

import java.nio.file.Path;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.provision.spi.ProvisionBackend;

/** The service the runtime looks for: a {@link MavenBackend} per user settings file. */
public final class MavenBackendFactory implements ProvisionBackend.Factory {

    @Override
    public ProvisionBackend create(Path userSettings, Environment environment) {
        return new MavenBackend(SettingsLoader.load(userSettings, environment), environment);
    }
}
