package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Checks a tree against a manifest on a thread of its own, so that the walk (some tens of
 * milliseconds for a database cluster) runs while {@code cp} copies the same tree.
 */
final class ManifestCheck {

    private final FutureTask<Boolean> task;

    private ManifestCheck(FutureTask<Boolean> task) {
        this.task = task;
    }

    /** Starts checking {@code tree} against the manifest in {@code manifestFile}. */
    static ManifestCheck start(Path tree, Path manifestFile) {
        FutureTask<Boolean> task = new FutureTask<>(() -> matches(tree, manifestFile));
        Thread thread = new Thread(task, "pifpaf-template-check");
        thread.setDaemon(true);
        thread.start();
        return new ManifestCheck(task);
    }

    /** Whether {@code tree} matches the manifest in {@code manifestFile}; false when either cannot be read. */
    static boolean matches(Path tree, Path manifestFile) {
        try {
            return TreeManifest.of(tree).equals(TreeManifest.readFrom(manifestFile));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for the result.
     *
     * @throws InterruptedIOException if the calling thread is interrupted (its flag is left set)
     */
    boolean passed() throws InterruptedIOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while checking a template");
        } catch (ExecutionException e) {
            return false; // the walk failed in a way matches() does not catch: not a usable entry
        }
    }
}
