package org.pifpaf.driver.artemis;

import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/** Artemis's own command line, the instance's {@code bin/artemis}: a core-protocol client. */
final class ArtemisCommand {

    private ArtemisCommand() {
    }

    /** Runs {@code bin/artemis ARGS...} of the broker's instance, with the broker's variables. */
    static ClientResult run(RunningDaemon artemis, String... args) {
        List<String> argv = new ArrayList<>(List.of(artemis.environment().get("PIFPAF_ARTEMIS_INSTANCE") + "/bin/artemis"));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> {
            env.putAll(artemis.environment());
            // A small, quickly started JVM, instead of the utility profile's.
            env.put("JAVA_ARGS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData");
        });
    }
}
