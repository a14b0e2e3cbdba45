package org.pifpaf.provision;

import java.nio.file.Path;
import org.pifpaf.runtime.provision.Provisioner;

/**
 * Where the tests that use Maven Central keep provisioned trees: the default directory, so that
 * a machine (CI) fetches and unpacks each daemon once for all of them, as users' runs would.
 */
final class ProvisionedTreesDir {

    private ProvisionedTreesDir() {
    }

    static Path shared() {
        return Provisioner.defaultRoot();
    }
}
