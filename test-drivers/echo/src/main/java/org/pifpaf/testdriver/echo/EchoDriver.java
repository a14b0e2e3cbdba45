package org.pifpaf.testdriver.echo;

import java.nio.file.Files;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * A stand-in third-party driver for the command-line tests: a shell that prints its message and
 * then sleeps, packaged as a plain jar with only a {@code META-INF/services} entry (so it loads
 * as an automatic module from a drivers directory).
 */
public final class EchoDriver implements DaemonDriver {

    private static final Binary SH = Binary.named("sh").noVersion();

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "A test daemon that prints a message and sleeps";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.string("message", "hello", "what to print"),
                DriverOption.string("ready", "^started: ", "the line that means ready (a regex)"),
                DriverOption.flag("detach", "also leave a process behind in a session of its own, as daemons that "
                        + "double-fork do"),
                DriverOption.flag("template", "start from a cached template directory, as database drivers do"),
                DriverOption.flag("fail", "exit with status 3 instead of becoming ready, as a daemon that crashes does"),
                // What drivers of real daemons do, for the distribution's training run (the classes
                // and lambdas it reaches go into the ahead-of-time cache).
                DriverOption.string("jars", "", "look this directory of jars up as a Java distribution, as drivers of "
                        + "Java daemons do"),
                DriverOption.integer("ready-port", 0, "also wait until this TCP port accepts connections and a probe "
                        + "command succeeds"),
                DriverOption.flag("kill", "stop with SIGKILL, as drivers of throw-away daemons do"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(SH);
    }

    @Override
    public void start(DriverContext context) throws Exception {
        String message = context.option("message");
        if (context.booleanOption("template")) {
            context.createFromTemplate(Template.named("files").keyedBy(message)
                    .createdBy(dir -> Files.writeString(Files.createDirectories(dir).resolve("message"), message)),
                    context.dataDir().resolve("files"));
        }
        // A double-forked child in its own session escapes the process tree and group, not the directory.
        String detach = context.booleanOption("detach") ? "(setsid sleep 100000 &) ; " : "";
        String run = context.booleanOption("fail") ? "echo \"failing: $ECHO_TEXT\"; exit 3"
                : "echo \"started: $ECHO_TEXT\"; exec sleep 100000";
        if (!context.option("jars").isEmpty()) {
            context.distribution(JavaDistribution.named("echo-jars").jar("*.jar").jarsIn(context.option("jars"))
                    .provisionedFrom(Provision.maven("org.pifpaf.test:echo-jars").anyPlatform()));
        }
        Ready ready = Ready.logLine(context.option("ready"));
        int port = context.intOption("ready-port");
        if (port != 0) {
            ready = Ready.allOf(ready, Ready.tcpPort(port),
                    Ready.commandSucceeds(Command.of(context.executable(SH), "-c", "true").label("probe")));
        }
        context.launch(Command.of(context.executable(SH), "-c", detach + run)
                        .env("ECHO_TEXT", message)
                        .stopSignal(context.booleanOption("kill") ? Signal.KILL : Signal.TERM),
                ready);
        context.export("ECHO_MESSAGE", message);
        context.url("echo://" + message);
    }
}
