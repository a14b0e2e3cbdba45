package org.pifpaf.driver.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;

/** RabbitMQ's own command-line client, pointed at a daemon through its exported variables alone. */
final class Rabbitmqctl {

    /** Debian's wrapper in /usr/sbin would switch to the rabbitmq user and its HOME. */
    private static final String EXECUTABLE = Files.isExecutable(Path.of("/usr/lib/rabbitmq/bin/rabbitmqctl"))
            ? "/usr/lib/rabbitmq/bin/rabbitmqctl" : "rabbitmqctl";
    private static final Pattern RUNNING_NODES = Pattern.compile("\"running_nodes\":\\[([^\\]]*)\\]");

    private Rabbitmqctl() {
    }

    /** Runs {@code rabbitmqctl -n node args...} with the daemon's HOME (its cookie) and epmd. */
    static DriverTestKit.ClientResult run(RunningDaemon daemon, String node, String... args) {
        List<String> argv = new ArrayList<>(List.of(EXECUTABLE, "-n", node));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> {
            env.put("HOME", daemon.environment().get("PIFPAF_RABBITMQ_HOME"));
            env.put("ERL_EPMD_PORT", daemon.environment().get("PIFPAF_RABBITMQ_EPMD_PORT"));
        });
    }

    /** The running nodes that {@code cluster_status} on {@code node} lists, sorted. */
    static List<String> runningNodes(RunningDaemon daemon, String node) throws IOException, InterruptedException {
        DriverTestKit.ClientResult status = run(daemon, node, "cluster_status", "--formatter", "json");
        assertEquals(0, status.status(), status.output());
        Matcher running = RUNNING_NODES.matcher(status.output());
        assertTrue(running.find(), status.output());
        return Arrays.stream(running.group(1).split(",")).map(name -> name.replace("\"", "").strip()).sorted().toList();
    }
}
