package org.pifpaf.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.pifpaf.runtime.DataOnMemory;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.runtime.commandline.UserConfig;
import org.pifpaf.runtime.provision.ProvisionedTrees;
import org.pifpaf.runtime.provision.Provisioner;
import picocli.CommandLine.Command;

/** {@code pifpaf config}: the effective settings, and where each comes from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show the effective settings and where each comes from (defaults, environment, config file).")
final class ConfigCommand implements Callable<Integer> {

    private final DriverRegistry registry;

    ConfigCommand(DriverRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Environment environment = Environment.process();
        UserConfig config;
        try {
            config = UserConfig.load(UserConfig.defaultFile(environment), registry, environment);
        } catch (InvalidRequestException e) {
            return Usage.error(e.getMessage());
        }
        String where = config.file() + (config.exists() ? "" : " (not found)");
        System.out.println("config file   " + where);
        fromEnvironmentOrFile(config, "run-as", "PIFPAF_RUN_AS", config.runAs(), StartRequest.DEFAULT_RUN_AS);
        config.timeout().ifPresentOrElse(s -> line("timeout", s.value() + "s", fromFile(config, s)),
                () -> line("timeout", "each driver's own", "default"));
        UserConfig.CacheDir cache = config.effectiveCacheDir();
        line("cache-dir", cache.path().toString(), cache.source());
        fromEnvironmentOrFile(config, "data-on-memory", DataOnMemory.VARIABLE, config.dataOnMemory(),
                DataOnMemory.NO.word());
        fromEnvironmentOrFile(config, "provision", ProvisionMode.VARIABLE, config.provision(),
                ProvisionMode.AUTO.word());
        fromEnvironmentOrFile(config, "provision-dir", ProvisionedTrees.DIRECTORY_VARIABLE, config.provisionDir(),
                Provisioner.defaultRoot(environment).toString());
        fromEnvironmentOrFile(config, "tmpdir", "TMPDIR", Optional.empty(), System.getProperty("java.io.tmpdir"));
        config.serverIdle().ifPresentOrElse(s -> line("server-idle", s.value(), fromFile(config, s)),
                () -> line("server-idle", ServerCommand.DEFAULT_IDLE, "default"));
        config.driverOptions().forEach((driver, options) -> options.forEach((name, setting) ->
                line("drivers." + driver + "." + name, setting.value(), fromFile(config, setting))));
        return ExitCodes.OK;
    }

    /** A setting the environment wins over, else the file's, else its default. */
    private static void fromEnvironmentOrFile(UserConfig config, String key, String variable,
                                              Optional<UserConfig.Setting> inFile, String fallback) {
        Optional<String> value = config.environment().nonBlank(variable);
        if (value.isPresent()) {
            line(key, value.get(), "environment (" + variable + ")");
        } else {
            inFile.ifPresentOrElse(s -> line(key, s.value(), fromFile(config, s)), () -> line(key, fallback, "default"));
        }
    }

    private static String fromFile(UserConfig config, UserConfig.Setting setting) {
        return config.file() + ":" + setting.line();
    }

    private static void line(String key, String value, String source) {
        System.out.printf("%-24s  %-20s  %s%n", key, value, source);
    }
}
