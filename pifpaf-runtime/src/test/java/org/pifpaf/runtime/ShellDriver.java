package org.pifpaf.runtime;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Launch;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Template;

/**
 * A driver for the runtime's own tests: its "daemon" is a shell script given as an option, so a
 * test can make it print, exit, ignore signals or never become ready.
 */
public final class ShellDriver implements DaemonDriver {

    static final Binary SH = Binary.named("sh").noVersion();

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.string("script", "echo ready; exec sleep 1000", "the daemon's script"),
                DriverOption.string("ready", "^ready$", "the readiness line"),
                DriverOption.string("setup", null, "a one-shot script run first"),
                DriverOption.flag("unprivileged", "run as the unprivileged user"),
                DriverOption.port("port", 0, "a port to export"),
                DriverOption.string("peer", null, "a second daemon's script, launched together with the first"),
                DriverOption.string("tag", null, "exported as the raw variable SHELL_TAG, to tell daemons apart"),
                DriverOption.string("template", null, "a text its data directory's template/made starts with, from a"
                        + " cached template made once per text (followed by when it was made)"));
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void start(DriverContext context) {
        context.export("FIRST", "1");
        context.exportRaw("RAW_SHELL_VAR", "raw");
        if (context.option("tag") != null) {
            context.exportRaw("SHELL_TAG", context.option("tag"));
        }
        String text = context.option("template");
        if (text != null) {
            context.createFromTemplate(Template.named("text").keyedBy(text).createdBy(dir -> Files.writeString(
                    Files.createDirectories(dir).resolve("made"), text + " " + System.nanoTime())),
                    context.dataDir().resolve("template"));
        }
        if (context.option("setup") != null) {
            context.run(Command.of(context.executable(SH), "-c", context.option("setup")).label("setup"));
        }
        Command daemon = Command.of(context.executable(SH), "-c", context.option("script"))
                .stopGracePeriod(Duration.ofSeconds(2));
        if (context.booleanOption("unprivileged")) {
            daemon = daemon.asUnprivilegedUser();
        }
        Ready ready = Ready.logLine(context.option("ready"));
        if (context.option("peer") == null) {
            context.launch(daemon, ready);
        } else {
            Command peer = Command.of(context.executable(SH), "-c", context.option("peer")).label("peer");
            context.launchAll(List.of(Launch.of(daemon, ready), Launch.of(peer, ready)));
        }
        context.export("PORT", Integer.toString(context.port("port")));
        context.url("shell://" + context.dataDir());
    }
}
