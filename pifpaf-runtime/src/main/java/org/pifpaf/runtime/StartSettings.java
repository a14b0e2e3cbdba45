package org.pifpaf.runtime;

import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.provision.DaemonSources;
import org.pifpaf.runtime.ready.Deadline;
import org.pifpaf.runtime.system.UnixUser;

/**
 * What a start shares with the daemons it nests: the drivers, the variable prefix, the deadline,
 * the unprivileged user, the template cache, and how output, progress and clean-up are handled.
 *
 * @param registry             where nested drivers are found
 * @param prefix               the variable prefix
 * @param deadline             when the whole start gives up
 * @param unprivilegedUser     whom root-refusing daemons run as when pifpaf is root, else null
 * @param runAs                that user's name as asked for
 * @param echoOutput           whether daemon output is echoed to the debug log
 * @param progress             who hears what the start waits for
 * @param templates            the template cache, or null when it is off
 * @param detachBackgroundWork whether the cache's background work is detached (see {@link StartRequest})
 * @param keepData             whether data directories survive the stop
 * @param sources              where binaries come from (installed or provisioned, the version asked for)
 * @param environment          the environment processes start with, before the driver's exports
 * @param path                 the daemon's name, after those of the daemons it is nested in
 *                             ({@code aodh: gnocchi: postgresql}), as logs and progress tell it
 */
record StartSettings(DriverRegistry registry, String prefix, Deadline deadline, UnixUser unprivilegedUser,
                     String runAs, boolean echoOutput, StartProgress progress, TemplateCache templates,
                     boolean detachBackgroundWork, boolean keepData, DaemonSources sources, Environment environment,
                     String path) {

    /**
     * The settings of a daemon nested in one of {@code driver}: its progress is told under that
     * name, and it starts its own default version (the version asked for is the outer daemon's).
     */
    StartSettings nestedIn(String driver) {
        StartProgress outer = progress;
        StartProgress named = (process, condition) -> outer.waiting(driver + ": " + process, condition);
        return new StartSettings(registry, prefix, deadline, unprivilegedUser, runAs, echoOutput, named, templates,
                detachBackgroundWork, keepData, sources.nested(), environment, path + ": " + driver);
    }

    /** Fails a start whose thread was interrupted (a signal, a cancelled test). */
    static void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new StartInterruptedException();
        }
    }
}
