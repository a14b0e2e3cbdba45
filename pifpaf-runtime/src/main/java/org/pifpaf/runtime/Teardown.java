package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Path;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.ProcessesInDirectory;
import org.pifpaf.runtime.system.Reaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes one start, whether it failed or the daemon is being stopped: the clean-up steps (the
 * daemon's processes, its ports, the driver's own steps), newest first; then the daemons it
 * nested, newest first; then its data directory, unless it is to be kept.
 */
final class Teardown {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private final Path dataDir;
    private final CleanupStack cleanup;
    private final NestedDaemons nested;
    private final TemplateTrees templateTrees;
    private final boolean keepData;
    private final boolean topLevel;

    /** @param topLevel whether the data directory is one of {@code $TMPDIR}'s, watched by the reaper */
    Teardown(Path dataDir, CleanupStack cleanup, NestedDaemons nested, TemplateTrees templateTrees, boolean keepData,
             boolean topLevel) {
        this.dataDir = dataDir;
        this.cleanup = cleanup;
        this.nested = nested;
        this.templateTrees = templateTrees;
        this.keepData = keepData;
        this.topLevel = topLevel;
    }

    /** Runs it all; an interrupt does not cut it short (the flag is kept). */
    void run() {
        cleanup.runAll();
        nested.closeAll();
        removeData();
    }

    /**
     * Removes the data directory unless it is to be kept (saying where a kept one is), the trees
     * made from templates first. Any process still working in it (one that escaped its process
     * group) is killed first.
     */
    private void removeData() {
        int stragglers = ProcessesInDirectory.kill(dataDir);
        if (stragglers > 0) {
            LOG.warn("killed {} process(es) still working in {} after the daemon stopped", stragglers, dataDir);
        }
        if (keepData) {
            if (topLevel) {
                StaleDataDirectories.unmark(dataDir);
                LOG.warn("data of the daemon kept in {}", dataDir);
            }
        } else {
            try {
                templateTrees.dispose();
                FileTrees.delete(dataDir);
            } catch (IOException e) {
                LOG.warn("cannot remove {} entirely: {}", dataDir, e.toString());
            }
        }
        if (topLevel) {
            Reaper.releaseDirectory(dataDir);
        }
    }
}
