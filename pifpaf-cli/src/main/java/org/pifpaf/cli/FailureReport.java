package org.pifpaf.cli;

import org.pifpaf.runtime.StartFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the user why a start failed: one line, then the tail of the daemon's output. */
final class FailureReport {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private FailureReport() {
    }

    static void of(StartFailedException e) {
        if (LOG.isDebugEnabled()) {
            LOG.error(e.getMessage(), e);
        } else {
            LOG.error(e.getMessage());
        }
        if (!e.logTail().isEmpty()) {
            StringBuilder tail = new StringBuilder("last lines of its output:");
            e.logTail().forEach(line -> tail.append(System.lineSeparator()).append("  | ").append(line));
            LOG.error(tail.toString());
        }
    }
}
