package org.pifpaf.api;

import java.util.Objects;

/**
 * One daemon process to launch with {@link DriverContext#launchAll(java.util.List)}: what to run
 * and when it counts as ready.
 *
 * <pre>{@code
 * ctx.launchAll(List.of(
 *         Launch.of(member1, Ready.tcpPort(port1)),
 *         Launch.of(member2, Ready.tcpPort(port2))));
 * }</pre>
 */
public final class Launch {

    private final Command command;
    private final Ready ready;

    private Launch(Command command, Ready ready) {
        this.command = Objects.requireNonNull(command, "command");
        this.ready = Objects.requireNonNull(ready, "ready");
    }

    /** Launching {@code command}, ready once {@code ready} holds. */
    public static Launch of(Command command, Ready ready) {
        return new Launch(command, ready);
    }

    /** The process to run. */
    public Command command() {
        return command;
    }

    /** When it counts as ready. */
    public Ready ready() {
        return ready;
    }

    @Override
    public String toString() {
        return command.label() + " until " + ready;
    }
}
