package org.pifpaf.api;

import java.util.Map;

/**
 * A daemon of another driver that a driver is about to start, from
 * {@link DriverContext#daemon(String)}. Port options not set get free ports. Implemented by the
 * runtime only.
 *
 * <pre>{@code
 * NestedDaemon pg = ctx.daemon("postgresql").option("port", ctx.intOption("indexer-port")).start();
 * }</pre>
 */
public interface NestedRequest {

    /** Sets one of the nested driver's options (name without dashes); the value's text is used. */
    NestedRequest option(String name, Object value);

    /** Sets several options. */
    NestedRequest options(Map<String, ?> values);

    /**
     * Starts the daemon and returns once it is ready. Its variables are then also the outer
     * daemon's (see {@link DriverContext#daemon(String)}).
     *
     * @throws DriverException when it cannot start; the message names it, and the runtime stops
     *         everything the outer start began
     */
    NestedDaemon start();
}
