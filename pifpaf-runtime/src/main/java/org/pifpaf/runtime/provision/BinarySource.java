package org.pifpaf.runtime.provision;

import java.nio.file.Path;
import java.util.Optional;
import org.pifpaf.api.Binary;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;

/** One place a daemon's binaries may come from: the machine's installation, or provisioned trees. */
interface BinarySource {

    /** {@code binary} from here, if this source has it (at the version asked for). */
    Optional<Path> executable(Binary binary);

    /** {@code distribution} from here, if this source has it (at the version asked for). */
    Optional<InstalledDistribution> distribution(JavaDistribution distribution);

    /** What this source found but did not take, for the message when nothing fits, e.g. {@code installed: 15.10}; empty if nothing. */
    String seen();
}
