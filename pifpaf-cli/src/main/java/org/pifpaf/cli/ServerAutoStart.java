package org.pifpaf.cli;

import java.io.IOException;
import org.pifpaf.cli.server.ServerDirectory;
import org.pifpaf.cli.server.ServerSpawner;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.slf4j.LoggerFactory;

/**
 * {@code PIFPAF_SERVER=auto}: a run that found no server (the launcher ran the JVM) starts one
 * for the next runs, after its own work, without waiting for it.
 */
final class ServerAutoStart {

    /** The variable that says whether runs use the server: {@code off}, {@code auto}, else use one that runs. */
    static final String VARIABLE = "PIFPAF_SERVER";

    private ServerAutoStart() {
    }

    /**
     * Starts a server in the background if {@code environment} asks for one and none runs.
     *
     * @param registry the run's drivers, which the configuration file's idle timeout is read with
     */
    static void afterRun(Environment environment, DriverRegistry registry) {
        if (!"auto".equals(environment.get(VARIABLE)) || System.getProperty("pifpaf.launcher") == null) {
            return;
        }
        ServerDirectory directory = ServerDirectory.of(environment);
        if (directory.runningServer().isPresent()) {
            return;
        }
        try {
            String idle;
            try {
                idle = ServerCommand.idleSetting(environment, registry);
            } catch (InvalidRequestException e) {
                idle = ServerCommand.DEFAULT_IDLE; // the run said what is wrong with the file, if it read it
            }
            ServerSpawner.spawn(directory, SelfLauncher.command(), idle, environment);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger("pifpaf").debug("cannot start a pifpaf server: {}", e.toString());
        }
    }
}
