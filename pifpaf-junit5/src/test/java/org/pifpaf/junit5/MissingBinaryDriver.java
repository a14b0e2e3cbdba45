package org.pifpaf.junit5;

import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;

/** A driver whose daemon is never installed, to see how the extension reports it. */
public final class MissingBinaryDriver implements DaemonDriver {

    static final Binary MISSING = Binary.named("no-such-daemon-anywhere").debian("no-such-package");

    @Override
    public String name() {
        return "missing";
    }

    @Override
    public List<Binary> binaries() {
        return List.of(MISSING);
    }

    @Override
    public void start(DriverContext context) {
        context.executable(MISSING);
    }
}
