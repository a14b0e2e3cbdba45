package org.pifpaf.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pifpaf.api.Signal;
import org.pifpaf.runtime.commandline.ProcessControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pifpaf stop ID... | --all}: stops detached instances and waits for their clean-up. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop daemons left running by eval mode (see pifpaf status), and wait until they are cleaned up.")
final class StopCommand implements Callable<Integer> {

    private static final long WAIT_MILLIS = 30_000;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "The instances to stop (their ids from pifpaf status).")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--all", description = "Stop every instance.")
    boolean all;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (all == !ids.isEmpty()) {
            return Usage.error("stop: give instance ids or --all (see 'pifpaf status')");
        }
        List<InstanceRecords.Instance> running = InstanceRecords.list();
        List<Long> targets = new ArrayList<>();
        for (InstanceRecords.Instance instance : running) {
            if (all || ids.contains(instance.pid())) {
                targets.add(instance.pid());
            }
        }
        for (long id : ids) {
            if (!targets.contains(id)) {
                return Usage.error("stop: no detached pifpaf instance " + id + " (see 'pifpaf status')");
            }
        }
        targets.forEach(pid -> ProcessControl.signal(pid, Signal.TERM));
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        for (long pid : targets) {
            while (ProcessControl.isRunning(pid) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            InstanceRecords.remove(pid);
        }
        return ExitCodes.OK;
    }
}
