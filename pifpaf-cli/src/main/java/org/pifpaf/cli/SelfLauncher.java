package org.pifpaf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that runs pifpaf again, for the eval-mode supervisor. */
final class SelfLauncher {

    private SelfLauncher() {
    }

    /** The launcher script when there is one, otherwise this JVM's java and module or class path. */
    static List<String> command() {
        String launcher = System.getProperty("pifpaf.launcher");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            argv.addAll(List.of("-p", modulePath, "-m", "org.pifpaf.cli/" + Main.class.getName()));
        } else {
            argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        return argv;
    }
}
