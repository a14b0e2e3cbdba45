package org.pifpaf.runtime;

import org.pifpaf.api.DaemonDriver;

/**
 * A discovered driver and where it came from.
 *
 * @param driver the driver
 * @param origin {@value #BUILT_IN} or the jar or directory it was loaded from
 */
public record DriverDescriptor(DaemonDriver driver, String origin) {

    /** The origin of drivers found on the module path or class path. */
    public static final String BUILT_IN = "built in";

    /** The driver's name. */
    public String name() {
        return driver.name();
    }
}
