package org.pifpaf.runtime.provision;

import java.nio.file.Path;
import org.pifpaf.runtime.provision.spi.ArtifactCoordinates;

/**
 * A daemon's provisioned tree.
 *
 * @param tree     the tree's root, read-only
 * @param version  the artifact version it was made from
 * @param artifact the artifact, version included
 */
public record Provisioned(Path tree, String version, ArtifactCoordinates artifact) {
}
