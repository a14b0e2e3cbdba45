package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.api.DriverOption;
import org.pifpaf.cli.logging.LogSink;
import org.pifpaf.cli.server.ProcessFacts;
import org.pifpaf.cli.server.Request;
import org.pifpaf.cli.server.Server;
import org.pifpaf.cli.server.Session;
import org.pifpaf.runtime.DaemonStarter;
import org.pifpaf.runtime.DriverConflictException;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pifpaf server does for a client, exactly as pifpaf's JVM would: a plain {@code run}
 * of a driver with a command (command mode, {@link ServedRun}) and {@code list-drivers}
 * ({@link ServedListing}). Everything else (eval mode, stack files, help, the other sub-commands,
 * lines only picocli reads, and so every usage error picocli reports), and any request the server
 * cannot serve as the JVM would ({@link ServedEnvironment}), goes back to the client, which then
 * runs pifpaf's JVM with the same arguments.
 */
final class ServedRequests implements Server.Handler {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf.server");

    private final ServedEnvironment served;
    private final Environment own;
    private DriverRegistry registry;

    /**
     * @param registry the drivers, as the server's own command line found them
     * @param own      the server's environment
     */
    ServedRequests(DriverRegistry registry, Environment own) {
        this.registry = registry;
        this.own = own;
        long pid = ProcessHandle.current().pid();
        this.served = new ServedEnvironment(own, ProcessFacts.status(pid, "Umask"), ProcessFacts.status(pid, "Uid"));
    }

    @Override
    public void serve(Session session) {
        Request request = session.request();
        Optional<String> refusal = served.refusal(request, ProcessFacts.status(request.clientPid(), "Umask"),
                ProcessFacts.status(request.clientPid(), "Uid"));
        if (refusal.isPresent()) {
            fallBack(session, refusal.get());
            return;
        }
        CommandLineScan scan = CommandLineScan.of(request.args());
        String word = scan.subcommand().orElse("");
        if (!scan.driversDirs().isEmpty()) {
            fallBack(session, "--drivers-dir");
            return;
        }
        Invocation invocation = new Invocation(request.environment(), Terminal.ofClient(request.environment(),
                request.stdoutTerminal(), request.stderrTerminal()), session.out(), session.err());
        DriverRegistry drivers = currentRegistry();
        LogSink.use(new LogSink.Route(session.err()));
        try {
            if ((word.equals("list-drivers") || word.equals("list")) && request.args().get(0).equals(word)) {
                ServedListing.serve(session, drivers, invocation);
            } else if (word.equals("run")) {
                Optional<PlainRunLine> line = plainCommandRun(scan, drivers, request);
                if (line.isEmpty()) {
                    fallBack(session, "not a plain run with a command");
                } else {
                    new ServedRun(session, invocation).serve(line.get(), new DaemonStarter(drivers));
                }
            } else {
                fallBack(session, "not served: " + (word.isEmpty() ? "no sub-command" : word));
            }
        } catch (DriverConflictException e) {
            fallBack(session, e.getMessage()); // the JVM reports it
        } finally {
            LogSink.release();
        }
    }

    /**
     * The line read as {@link PlainRunLine} reads it, if it is a run with a command whose options
     * read the same from the server: no relative {@code --log-file}, no driver option that may
     * be a relative path.
     */
    private static Optional<PlainRunLine> plainCommandRun(CommandLineScan scan, DriverRegistry drivers, Request request) {
        Optional<DriverPrefetch> named = Main.prefetch(drivers, scan);
        Optional<PlainRunLine> plain = PlainRunLine.parse(scan, named);
        if (plain.isEmpty() || plain.get().arguments().command().isEmpty()) {
            return Optional.empty();
        }
        Path logFile = plain.get().global().logFile;
        if (logFile != null && !logFile.isAbsolute()) {
            return Optional.empty();
        }
        List<DriverOption> options = plain.get().driver().driver().options();
        for (Map.Entry<String, String> given : plain.get().arguments().driverOptions().entrySet()) {
            boolean text = options.stream().anyMatch(o -> o.name().equals(given.getKey())
                    && o.type() == DriverOption.Type.STRING);
            if (text && ServedEnvironment.mayBeRelativePath(given.getValue(), request.workingDirectory())) {
                return Optional.empty();
            }
        }
        return plain;
    }

    /** The registry, made again when its drivers directories changed since it was made. */
    private synchronized DriverRegistry currentRegistry() {
        if (!registry.current()) {
            LOG.info("the drivers directories changed: loading the drivers again");
            registry = DriverRegistry.indexed(Main.driverDirs(CommandLineScan.of(List.of()), own), Optional::empty);
        }
        return registry;
    }

    private static void fallBack(Session session, String why) {
        LOG.debug("{}: to pifpaf's JVM: {}", session.request().tag(), why);
        session.fallBack(why);
    }
}
