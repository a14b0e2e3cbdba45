package org.pifpaf.runtime.cache;

import org.pifpaf.api.Command;

/**
 * A command as launched with its class-data archive ({@link TemplateCache#classData}), and what
 * to do once its process has stopped: hand the classes it recorded to the archiver, or nothing.
 *
 * @param command      the command to launch
 * @param afterStopped run once the process is gone (its class list is then complete)
 */
public record ClassDataUse(Command command, Runnable afterStopped) {

    private static final Runnable NOTHING = () -> { };

    /** {@code command} as it is, with nothing to do after it stopped. */
    public static ClassDataUse unchanged(Command command) {
        return new ClassDataUse(command, NOTHING);
    }

    /** Whether the process records its classes for an archive, to be handed on once it stopped. */
    public boolean recording() {
        return afterStopped != NOTHING;
    }
}
