package org.pifpaf.runtime;

import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;

/**
 * Stands in for a driver built against another version of the API: its start fails the way the
 * JVM fails such code, with a {@link LinkageError}.
 */
public final class ApiMismatchDriver implements DaemonDriver {

    @Override
    public String name() {
        return "mismatch";
    }

    @Override
    public void start(DriverContext context) {
        throw new NoSuchMethodError("'void org.pifpaf.api.DriverContext.removedLongAgo()'");
    }
}
