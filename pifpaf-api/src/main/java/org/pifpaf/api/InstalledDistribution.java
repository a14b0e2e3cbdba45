package org.pifpaf.api;

import java.nio.file.Path;

/**
 * A Java daemon's installation, as the runtime found it for a {@link JavaDistribution}.
 * Implemented by the runtime only.
 */
public interface InstalledDistribution {

    /** The installation directory; for a flat directory of jars, that directory. */
    Path home();

    /** The directory holding its jars. */
    Path libDir();

    /** The class path that runs it: {@code <lib>/*}, or the marker and extra jars of a flat directory. */
    String classpath();

    /** Its version, from the marker jar's name; empty when the name carries none. */
    String version();
}
