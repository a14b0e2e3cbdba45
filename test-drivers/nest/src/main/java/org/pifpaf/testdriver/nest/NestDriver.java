package org.pifpaf.testdriver.nest;

import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.api.NestedRequest;
import org.pifpaf.api.Ready;

/**
 * A stand-in composite driver for the tests of nested daemons: it starts one or more {@code echo}
 * daemons (from another jar) through the nested-daemon SPI, then a shell of its own that prints
 * what the first one exported, as a service prints the address of the database it uses.
 */
public final class NestDriver implements DaemonDriver {

    private static final Binary SH = Binary.named("sh").noVersion();

    @Override
    public String name() {
        return "nest";
    }

    @Override
    public String description() {
        return "A test daemon that starts echo daemons first";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.string("message", "hello", "what the echo daemons print"),
                DriverOption.integer("inner", 1, "how many echo daemons to start, at once"),
                DriverOption.flag("fail-inner", "make the last echo daemon crash"),
                DriverOption.flag("fail", "crash after the echo daemons started"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(SH);
    }

    @Override
    public List<NestedDriver> nestedDrivers() {
        return List.of(NestedDriver.named("echo").providedBy("org.pifpaf:pifpaf-test-driver-echo", "org.pifpaf.testdriver.echo"));
    }

    @Override
    public void start(DriverContext context) {
        String message = context.option("message");
        int count = context.intOption("inner");
        List<NestedRequest> requests = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            NestedRequest echo = context.daemon("echo").option("message", message + " " + i);
            if (i == count && context.booleanOption("fail-inner")) {
                echo.option("fail", true);
            }
            requests.add(echo);
        }
        List<NestedDaemon> inner = context.startAll(requests);
        String first = inner.get(0).env("ECHO_MESSAGE");
        String run = context.booleanOption("fail") ? "echo \"nest failing after $0\"; exit 4"
                : "echo \"nest started after $0\"; exec sleep 100000";
        context.launch(Command.of(context.executable(SH), "-c", run, first).label("nest"),
                Ready.logLine("^nest started after "));
        context.export("NEST_INNER_URL", inner.get(0).url());
        context.url("nest://" + message);
    }
}
