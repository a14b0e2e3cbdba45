package org.pifpaf.cli;

import java.util.List;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;

/** A driver with an option of every type, for the command-line parsing tests; it is never started. */
public final class OptionsDriver implements DaemonDriver {

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 11211, "the port"),
                DriverOption.string("bind_host", "127.0.0.1", "an option whose name has an underscore"),
                DriverOption.integer("workers", 2, "a number"),
                DriverOption.flag("cluster", "a flag"),
                DriverOption.bool("sync", false, "a negatable boolean"));
    }

    @Override
    public void start(DriverContext context) {
        throw new UnsupportedOperationException("a parsing test's driver");
    }
}
