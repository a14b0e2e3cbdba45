package org.pifpaf.runtime;

import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.api.NestedRequest;
import org.pifpaf.api.Ready;

/**
 * A composite driver for the runtime's own tests: it starts {@code shell} daemons through the
 * nested-daemon SPI (their scripts given as options), then a shell script of its own.
 */
public final class NestingDriver implements DaemonDriver {

    @Override
    public String name() {
        return "nesting";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.string("inner", "echo ready; exec sleep 1000", "the first nested shell's script"),
                DriverOption.string("second", null, "a second nested shell's script, started at the same time"),
                DriverOption.flag("inner-unprivileged", "run the nested shells as the unprivileged user"),
                DriverOption.flag("one-by-one", "start the nested shells one after the other, not at once"),
                DriverOption.string("inner-template", null, "the nested shells' template option"),
                DriverOption.string("script", "echo ready; exec sleep 1000", "the outer daemon's own script"),
                DriverOption.string("nest", "shell", "the driver to nest (an undeclared or missing one, for tests)"));
    }

    @Override
    public List<NestedDriver> nestedDrivers() {
        return List.of(NestedDriver.named("shell").providedBy("org.pifpaf:pifpaf-runtime:tests", "org.pifpaf.runtime"),
                NestedDriver.named("absent").when("never, unless a test asks"));
    }

    @Override
    public void start(DriverContext context) {
        context.export("OWN", "outer");
        context.exportRaw("RAW_SHELL_VAR", "outer raw");
        List<NestedRequest> requests = new ArrayList<>(List.of(nested(context, context.option("inner"), "inner")));
        if (context.option("second") != null) {
            requests.add(nested(context, context.option("second"), "second"));
        }
        List<NestedDaemon> inner = context.booleanOption("one-by-one")
                ? requests.stream().map(NestedRequest::start).toList() : context.startAll(requests);
        context.export("INNER_URL", inner.get(0).url());
        context.launch(Command.of(context.executable(ShellDriver.SH), "-c", context.option("script")).label("outer"),
                Ready.logLine("^ready$"));
        context.url("nesting://" + context.dataDir());
    }

    private static NestedRequest nested(DriverContext context, String script, String tag) {
        NestedRequest request = context.daemon(context.option("nest")).option("script", script).option("tag", tag)
                .option("unprivileged", context.booleanOption("inner-unprivileged"));
        return context.option("inner-template") == null ? request
                : request.option("template", context.option("inner-template"));
    }
}
