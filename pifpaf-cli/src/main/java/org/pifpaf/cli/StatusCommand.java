package org.pifpaf.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code pifpaf status}: the detached (eval-mode) instances still running. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the daemons left running by eval mode (id, what, prefix, URL, age).")
final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        List<InstanceRecords.Instance> instances = InstanceRecords.list();
        if (instances.isEmpty()) {
            System.out.println("no detached pifpaf instance is running");
            return ExitCodes.OK;
        }
        System.out.printf("%-8s  %-16s  %-10s  %-8s  %s%n", "ID", "WHAT", "PREFIX", "AGE", "URL");
        long now = System.currentTimeMillis();
        for (InstanceRecords.Instance instance : instances) {
            System.out.printf("%-8d  %-16s  %-10s  %-8s  %s%n", instance.pid(), instance.label(), instance.prefix(),
                    age(Duration.ofMillis(now - instance.started())), instance.urls());
        }
        return ExitCodes.OK;
    }

    private static String age(Duration age) {
        if (age.toHours() > 0) {
            return age.toHours() + "h" + age.toMinutesPart() + "m";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + "m" + age.toSecondsPart() + "s" : age.toSeconds() + "s";
    }
}
