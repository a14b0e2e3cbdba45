package org.pifpaf.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;
import org.pifpaf.runtime.provision.spi.TransferProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the runtime's {@link TransferProgress} how the downloads of artifacts go (checksums,
 * POMs and metadata, a few hundred bytes each, pass unseen); the listener changes with each
 * request of the backend, which serves one at a time.
 */
final class ProgressRelay extends AbstractTransferListener {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");
    private static final List<String> UNSEEN = List.of(".sha1", ".md5", ".sha256", ".sha512", ".asc", ".pom", ".xml");

    private volatile TransferProgress target = TransferProgress.NONE;
    private final Set<String> downloaded = ConcurrentHashMap.newKeySet();

    /** Tells {@code progress} of the transfers from now on, and forgets what was downloaded so far. */
    void tell(TransferProgress progress) {
        target = progress;
        downloaded.clear();
    }

    /** Whether {@code file} was downloaded (and so checked by the resolver) since the last {@link #tell}. */
    boolean downloaded(Path file) {
        return downloaded.contains(file.getFileName().toString());
    }

    @Override
    public void transferStarted(TransferEvent event) {
        if (seen(event)) {
            TransferResource resource = event.getResource();
            target.started(name(resource), resource.getRepositoryId() + " (" + resource.getRepositoryUrl() + ")",
                    resource.getContentLength());
        }
    }

    @Override
    public void transferProgressed(TransferEvent event) {
        if (seen(event)) {
            target.progressed(name(event.getResource()), event.getTransferredBytes());
        }
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        if (seen(event)) {
            downloaded.add(name(event.getResource()));
            target.finished(name(event.getResource()), event.getTransferredBytes(),
                    (System.currentTimeMillis() - event.getResource().getTransferStartTime()) * 1_000_000L);
        }
    }

    @Override
    public void transferCorrupted(TransferEvent event) {
        LOG.warn("{} from {}: {}", name(event.getResource()), event.getResource().getRepositoryUrl(),
                event.getException() == null ? "checksum mismatch" : event.getException().getMessage());
    }

    private static boolean seen(TransferEvent event) {
        if (event.getRequestType() != TransferEvent.RequestType.GET) {
            return false;
        }
        String name = event.getResource().getResourceName();
        return UNSEEN.stream().noneMatch(name::endsWith);
    }

    private static String name(TransferResource resource) {
        String name = resource.getResourceName();
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
