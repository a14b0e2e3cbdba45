package org.pifpaf.runtime.provision.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pifpaf.runtime.Environment;

/**
 * What the runtime needs from a repository system to provision daemons: the versions an
 * artifact has, the artifact's files (downloaded once, checked), and archives unpacked.
 * {@code pifpaf-provision} implements it with Maven's resolver, found through {@link Factory}
 * by {@link java.util.ServiceLoader} only when something must be fetched.
 */
public interface ProvisionBackend {

    /** Makes backends; the service that {@code pifpaf-provision} provides. */
    interface Factory {
        /**
         * A backend reading Maven's settings from {@code userSettings} (mirrors, proxies,
         * credentials, the local repository, offline), as {@code mvn -s} would, with
         * {@code environment}'s home directory, Maven installation and variables.
         */
        ProvisionBackend create(Path userSettings, Environment environment);
    }

    /**
     * The versions of {@code artifact} (its version ignored) the repositories offer, in any
     * order; when they cannot be reached, those the local repository knows.
     *
     * @throws ProvisionFailedException when no version can be learnt at all
     */
    List<String> versions(ArtifactCoordinates artifact);

    /**
     * The local files of {@code artifact} and, with {@code withDependencies}, of its transitive
     * runtime dependencies, the artifact's first, with the artifact's SHA-1: downloaded if need
     * be (with their checksums checked), and checked again if already there, so that a corrupt
     * or partial file is fetched anew.
     *
     * @param provided dependencies ({@code groupId:artifactId}) that the artifact's POM marks
     *                 {@code provided}, resolved with the others at the versions it gives
     * @param jars     more artifacts ({@code groupId:artifactId:version}), resolved with the others
     * @throws ProvisionFailedException naming the artifact and the repositories when it cannot
     */
    Fetched resolve(ArtifactCoordinates artifact, boolean withDependencies, List<String> provided, List<String> jars,
                    TransferProgress progress);

    /**
     * Removes the local repository's copy of {@code artifact}, which was found corrupt in a way
     * its checksum did not show, so that the next {@link #resolve} downloads it again.
     */
    void forget(ArtifactCoordinates artifact);

    /** The repositories asked, for messages: ids and URLs (mirrors applied). */
    String repositories();

    /**
     * Unpacks the archive {@code archive} ({@code .txz}, {@code .tar.xz}, {@code .tar.gz},
     * {@code .tgz}, {@code .zip}, {@code .jar}, told by {@code name}) into the existing
     * directory {@code into}, keeping executable bits and symbolic links; with
     * {@code stripTopDirectory}, its single top directory is left out. Entries that would land
     * outside {@code into} are refused.
     *
     * @throws IOException when it is corrupt or cannot be written
     */
    void unpack(Path archive, String name, Path into, boolean stripTopDirectory) throws IOException;
}
