package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pifpaf.runtime.system.SystemTools;

/**
 * Copies a directory tree with {@code cp -a --reflink=auto}: ownership, modes and times are
 * kept (a root-run pifpaf copies trees owned by the daemon's user), and on file systems that
 * support it (btrfs, XFS) the data blocks are shared copy-on-write instead of copied. Hard links
 * would not do: the daemon writes to its files.
 */
final class TreeCopy {

    private TreeCopy() {
    }

    /** Copies {@code source} to {@code target}, which must not exist. @throws IOException on failure */
    static void copy(Path source, Path target) throws IOException {
        // Working in the target's parent: when that is a data directory and this JVM is killed
        // mid-copy, the reaper finds cp by its working directory and stops it before removing
        // the directory (cp would otherwise go on writing into it).
        SystemTools.run(target.getParent(), List.of(SystemTools.CP, "-a", "--reflink=auto", "--",
                source.toString(), target.toString()));
    }
}
