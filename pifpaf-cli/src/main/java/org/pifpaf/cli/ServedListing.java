package org.pifpaf.cli;

import java.util.List;
import org.pifpaf.cli.server.Session;
import org.pifpaf.runtime.DriverRegistry;
import picocli.CommandLine;

/**
 * {@code pifpaf list-drivers} served for a client: read by picocli as the JVM reads it, run in
 * the client's environment (which finds the binaries), written to the client's standard output,
 * coloured when that is a terminal. Help and anything picocli rejects go to the JVM.
 */
final class ServedListing {

    private ServedListing() {
    }

    static void serve(Session session, DriverRegistry registry, Invocation invocation) {
        ListDriversCommand command = new ListDriversCommand(registry, invocation);
        CommandLine line = new CommandLine(command);
        line.setExpandAtFiles(false); // as Main's
        List<String> args = session.request().args();
        try {
            line.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            session.fallBack("picocli reports: " + e.getMessage());
            return;
        }
        if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
            session.fallBack("help");
            return;
        }
        int status;
        try {
            status = command.call();
        } catch (java.io.IOException e) {
            session.fallBack(e.toString());
            return;
        }
        session.exit(status);
    }
}
