package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.InstalledDistribution;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Launch;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedRequest;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Template;
import org.pifpaf.runtime.system.UnixUser;

/**
 * The {@link DriverContext} of one start: option values, ports and variables here; processes,
 * template trees and nested daemons in the helpers it hands them to.
 */
final class StartContext implements DriverContext {

    private final String driverName;
    private final Path dataDir;
    private final OptionValues options;
    private final StartSettings settings;
    private final CleanupStack cleanup = new CleanupStack();
    private final System.Logger log;
    private final ProcessLauncher launcher;
    private final TemplateTrees templateTrees;
    private final NestedDaemons nested;
    private final Map<String, String> exported = new LinkedHashMap<>();
    private volatile String url;

    StartContext(DaemonDriver driver, Path dataDir, OptionValues options, StartSettings settings) {
        this.driverName = driver.name();
        this.dataDir = dataDir;
        this.options = options;
        this.settings = settings;
        this.log = new Slf4jSystemLogger("pifpaf.driver." + driverName);
        this.launcher = new ProcessLauncher(dataDir, settings, cleanup, this::environment, log);
        this.templateTrees = new TemplateTrees(driverName, dataDir, settings);
        this.nested = new NestedDaemons(driver, dataDir, settings, this::takeNestedVariables);
    }

    /** What undoes this start. @param topLevel whether its data directory is one of {@code $TMPDIR}'s */
    Teardown teardown(boolean topLevel) {
        return new Teardown(dataDir, cleanup, nested, templateTrees, settings.keepData(), topLevel);
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String prefix() {
        return settings.prefix();
    }

    @Override
    public String option(String name) {
        return options.text(name);
    }

    @Override
    public int intOption(String name) {
        return options.integer(name);
    }

    @Override
    public boolean booleanOption(String name) {
        return options.bool(name);
    }

    @Override
    public int port(String optionName) {
        return port(optionName, 1);
    }

    @Override
    public int port(String optionName, int count) {
        int port = options.integer(optionName);
        if (port < 0 || port > 65536 - count) {
            throw new InvalidRequestException("option --" + optionName + " of " + driverName + ": " + port
                    + " is not a port number (1-" + (65536 - count) + ", or 0 for a free one)");
        }
        if (port == 0) {
            return freePorts(count);
        }
        for (int next = port; next < port + count; next++) {
            if (!FreePorts.bindable(next)) {
                throw new PortInUseException(port, next, optionName); // at once, not at the daemon's timeout
            }
        }
        return port;
    }

    @Override
    public int freePort() {
        return freePorts(1);
    }

    @Override
    public int freePorts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        List<FreePorts.Claim> claims = FreePorts.claim(count);
        for (FreePorts.Claim claim : claims) {
            // Pushed before the daemon's stop step, so it is released after the daemon stopped.
            cleanup.push("release port " + claim.port(), claim::release);
        }
        return claims.get(0).port();
    }

    @Override
    public Path executable(Binary binary) {
        return settings.sources().executable(binary);
    }

    @Override
    public InstalledDistribution distribution(JavaDistribution distribution) {
        return settings.sources().distribution(distribution);
    }

    @Override
    public String run(Command command) {
        return launcher.run(command);
    }

    @Override
    public DaemonProcess launch(Command command, Ready ready) {
        return launcher.launchAll(List.of(Launch.of(command, ready))).get(0);
    }

    @Override
    public List<DaemonProcess> launchAll(List<Launch> launches) {
        return launcher.launchAll(launches);
    }

    @Override
    public void createFromTemplate(Template template, Path target) {
        templateTrees.create(template, target);
    }

    @Override
    public NestedRequest daemon(String driver) {
        return nested.request(driver);
    }

    @Override
    public List<NestedDaemon> startAll(List<NestedRequest> requests) {
        return nested.startAll(requests);
    }

    @Override
    public void export(String name, String value) {
        exportRaw(settings.prefix() + "_" + name, value);
    }

    @Override
    public synchronized void exportRaw(String name, String value) {
        exported.put(name, value);
    }

    /** A nested daemon's variables become this one's, unless this one exported them first. */
    private synchronized void takeNestedVariables(Map<String, String> variables) {
        variables.forEach(exported::putIfAbsent);
    }

    @Override
    public void url(String value) {
        this.url = value;
        export("URL", value);
    }

    @Override
    public synchronized Map<String, String> exported() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(exported));
    }

    /** The variables every process started now sees. */
    private synchronized Map<String, String> environment() {
        return new LinkedHashMap<>(exported);
    }

    @Override
    public void onStop(CleanupStep step) {
        cleanup.push("driver clean-up", step);
    }

    @Override
    public boolean runningAsRoot() {
        return settings.unprivilegedUser() != null;
    }

    @Override
    public String unprivilegedUser() {
        return settings.runAs();
    }

    @Override
    public String invokingUser() {
        return UnixUser.currentName();
    }

    @Override
    public System.Logger log() {
        return log;
    }

    String url() {
        return url;
    }

    /** The daemon's own processes, then its nested daemons'. */
    List<DaemonProcess> processes() {
        List<DaemonProcess> all = new ArrayList<>(launcher.processes());
        all.addAll(nested.processes());
        return all;
    }

    /** The log of the process started last: the likeliest place to see why a start failed. */
    Path lastLogFile() {
        return launcher.lastLogFile();
    }
}
