package org.pifpaf.runtime.provision.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ProvisionBackend#resolve} hands back: the local files, the artifact's first, and
 * the artifact's SHA-1 as the backend checked it, so that the runtime keys its tree without
 * reading a file of tens of megabytes once more (on the command line's JVM, which compiles with
 * C1 only, a SHA-1 of zonky's PostgreSQL jar costs a few hundred milliseconds).
 *
 * @param files the artifact's file, then its dependencies'
 * @param sha1  the artifact file's SHA-1, in lower-case hexadecimal
 */
public record Fetched(List<Path> files, String sha1) {

    /** Checks that there is a file and a checksum. */
    public Fetched {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file");
        }
        Objects.requireNonNull(sha1, "sha1");
    }

    /** The artifact's own file. */
    public Path artifact() {
        return files.get(0);
    }
}
