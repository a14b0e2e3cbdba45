package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.Launch;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Template;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.process.LaunchedProcess;
import org.pifpaf.runtime.process.LogFile;
import org.pifpaf.runtime.process.OutputEcho;
import org.pifpaf.runtime.process.ProcessSpawner;
import org.pifpaf.runtime.ready.Deadline;
import org.pifpaf.runtime.ready.NotReadyException;
import org.pifpaf.runtime.ready.StartTimeoutException;
import org.pifpaf.runtime.system.FileTrees;
import org.pifpaf.runtime.system.UnixUser;

/** The {@link DriverContext} of one start: everything a driver does goes through here. */
final class StartContext implements DriverContext {

    private final String driverName;
    private final Path dataDir;
    private final String prefix;
    private final OptionValues options;
    private final Deadline deadline;
    private final boolean echoOutput;
    private final UnixUser unprivilegedUser;
    private final String runAs;
    private final CleanupStack cleanup;
    private final ProcessSpawner spawner;
    private final System.Logger log;
    private final StartProgress progress;
    private final TemplateCache templates;
    private final boolean detachBackgroundWork;

    private final Map<String, String> exported = new LinkedHashMap<>();
    private final List<DaemonProcess> processes = new ArrayList<>();
    private final List<Path> templateTrees = new ArrayList<>();
    private final Map<String, Integer> logNames = new HashMap<>();
    private final Map<String, Path> probeLogs = new java.util.concurrent.ConcurrentHashMap<>();
    private String url;
    private Path lastLogFile;

    StartContext(String driverName, Path dataDir, StartRequest request, OptionValues options,
                 Deadline deadline, UnixUser unprivilegedUser, CleanupStack cleanup) {
        this.driverName = driverName;
        this.dataDir = dataDir;
        this.prefix = request.prefix();
        this.options = options;
        this.deadline = deadline;
        this.echoOutput = request.echoOutput();
        this.unprivilegedUser = unprivilegedUser;
        this.runAs = request.runAs();
        this.cleanup = cleanup;
        this.spawner = new ProcessSpawner(dataDir, unprivilegedUser);
        this.log = new Slf4jSystemLogger("pifpaf.driver." + driverName);
        this.progress = request.progress();
        // Spares go beside the data directories: on their file system, so taking one is a rename.
        this.templates = request.cacheDir().map(dir -> new TemplateCache(dir, dataDir.getParent())).orElse(null);
        this.detachBackgroundWork = request.detachBackgroundWork();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String prefix() {
        return prefix;
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
        int port = options.integer(optionName);
        if (port < 0 || port > 65535) {
            throw new InvalidRequestException("option --" + optionName + " of " + driverName + ": " + port
                    + " is not a port number (1-65535, or 0 for a free one)");
        }
        if (port == 0) {
            return freePort();
        }
        if (!FreePorts.bindable(port)) {
            throw new PortInUseException(port, optionName); // at once, not at the daemon's timeout
        }
        return port;
    }

    @Override
    public int freePort() {
        FreePorts.Claim claim = FreePorts.claim();
        // Pushed before the daemon's stop step, so it is released after the daemon stopped.
        cleanup.push("release port " + claim.port(), claim::release);
        return claim.port();
    }

    @Override
    public Path executable(Binary binary) {
        return Binaries.find(binary).orElseThrow(() -> new MissingBinaryException(binary));
    }

    @Override
    public String run(Command command) {
        progress.waiting(command.label(), "`" + command.label() + "` to finish");
        LaunchedProcess process = spawn(command);
        try {
            if (!process.waitFor(deadline.remainingMillis())) {
                process.kill();
                throw new StartTimeoutException("`" + command + "` did not finish within "
                        + deadline.timeout().toSeconds() + "s; raise --timeout if it is just slow");
            }
        } catch (InterruptedException e) {
            process.kill();
            throw new StartInterruptedException();
        }
        String output = LogFile.readFrom(process.logFile(), process.logOffset());
        if (process.exitStatus() != 0) {
            throw new CommandFailedException("`" + command + "` exited with status " + process.exitStatus());
        }
        return output;
    }

    @Override
    public DaemonProcess launch(Command command, Ready ready) {
        return launchAll(List.of(Launch.of(command, ready))).get(0);
    }

    @Override
    public List<DaemonProcess> launchAll(List<Launch> launches) {
        checkNotInterrupted();
        List<RestartableProcess> launched = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Launched together, stopped together: cluster members each take their own time to
        // stop (RabbitMQ about a second), and one after the other that time adds up.
        cleanup.push("stop " + launches.stream().map(l -> l.command().label()).toList(), () -> stopTogether(launched));
        for (Launch launch : launches) {
            RestartableProcess process = restartable(launch.command(), launch.ready());
            lastLogFile = process.logFile();
            process.spawn();
            processes.add(process);
            launched.add(process);
        }
        try {
            for (RestartableProcess process : launched) {
                lastLogFile = process.logFile();
                process.awaitReady(deadline, launched);
            }
        } catch (NotReadyException e) {
            lastLogFile = e.logFile(); // a member that died while another was waited for
            throw e;
        } catch (InterruptedException e) {
            throw new StartInterruptedException();
        }
        return List.copyOf(launched);
    }

    /**
     * Stops {@code processes} at once, each on a thread of its own, and waits for all, even when
     * interrupted (the flag is kept). The first failure is rethrown once all have stopped.
     */
    private static void stopTogether(List<RestartableProcess> processes) {
        if (processes.size() == 1) {
            processes.get(0).stop();
            return;
        }
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> stoppers = new ArrayList<>();
        for (RestartableProcess process : processes) {
            Thread stopper = new Thread(() -> {
                try {
                    process.stop();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "pifpaf-stop");
            stopper.start();
            stoppers.add(stopper);
        }
        boolean interrupted = false;
        for (Thread stopper : stoppers) {
            while (stopper.isAlive()) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** A process spawning {@code command} into a log file of its own, not spawned yet. */
    private RestartableProcess restartable(Command command, Ready ready) {
        Path logFile = nextLogFile(command.label());
        return new RestartableProcess(command.label(), logFile, () -> {
            LaunchedProcess launched = spawner.spawn(command, exported, logFile);
            log.log(System.Logger.Level.DEBUG, "launched " + launched + ": " + command);
            if (echoOutput) {
                OutputEcho.start(launched);
            }
            return launched;
        }, ready, deadline.timeout(), this::probeSucceeds, progress);
    }

    /** The daemon is ready: the template cache copies spares for the next starts while it is used. */
    void startedUp() {
        if (templates != null) {
            templates.makeSpares(detachBackgroundWork);
        }
    }

    @Override
    public void createFromTemplate(Template template, Path target) {
        checkNotInterrupted();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new DriverException("cannot create " + target + " from template " + template.name()
                    + ": it exists already");
        }
        Path tree = target.toAbsolutePath().normalize();
        if (tree.startsWith(dataDir) && !tree.equals(dataDir)) {
            templateTrees.add(tree); // removed in bulk at the end; never anything outside the data directory
        }
        try {
            if (templates == null) {
                template.creator().create(target);
            } else {
                // The creator's commands run as the unprivileged user when pifpaf is root: the
                // files' owner is part of what is cached.
                String creatorUser = unprivilegedUser != null ? unprivilegedUser.name() : UnixUser.currentName();
                templates.create(driverName, template, creatorUser, target);
            }
        } catch (InterruptedException e) {
            throw new StartInterruptedException();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DriverException("cannot create " + target + " from template " + template.name() + ": " + e, e);
        }
        checkNotInterrupted();
    }

    private boolean probeSucceeds(Command probe) {
        // Every try of a probe appends to one log file, not a new file per try.
        Path logFile = probeLogs.computeIfAbsent(probe.label(), label -> nextLogFile(label + "-probe"));
        LaunchedProcess process = spawner.spawn(probe, exported, logFile);
        try {
            if (!process.waitFor(Math.min(5_000, deadline.remainingMillis()))) {
                process.kill();
                return false;
            }
            return process.exitStatus() == 0;
        } catch (InterruptedException e) {
            process.kill();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private LaunchedProcess spawn(Command command) {
        checkNotInterrupted();
        lastLogFile = nextLogFile(command.label());
        return spawner.spawn(command, exported, lastLogFile);
    }

    /** A log file of its own for the next process labelled {@code label}. */
    private synchronized Path nextLogFile(String label) {
        int count = logNames.merge(label, 1, Integer::sum);
        return dataDir.resolve((count == 1 ? label : label + "-" + count) + ".log");
    }

    private static void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new StartInterruptedException();
        }
    }

    @Override
    public void export(String name, String value) {
        exportRaw(prefix + "_" + name, value);
    }

    @Override
    public void exportRaw(String name, String value) {
        exported.put(name, value);
    }

    @Override
    public void url(String value) {
        this.url = value;
        export("URL", value);
    }

    @Override
    public Map<String, String> exported() {
        return Collections.unmodifiableMap(exported);
    }

    @Override
    public void onStop(CleanupStep step) {
        cleanup.push("driver clean-up", step);
    }

    @Override
    public boolean runningAsRoot() {
        return unprivilegedUser != null;
    }

    @Override
    public String unprivilegedUser() {
        return runAs;
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

    List<DaemonProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Removes the trees made from templates, the bulk of the data directory: through the
     * template cache (see {@link TemplateCache#dispose}), else with {@code rm -rf}.
     *
     * @throws IOException at the first that cannot be removed
     */
    void disposeTemplateTrees() throws IOException {
        for (Path tree : templateTrees) {
            if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a start that failed before making it
            }
            if (templates != null) {
                templates.dispose(tree, detachBackgroundWork);
            } else {
                FileTrees.deleteLarge(tree);
            }
        }
    }

    /** The log of the process started last: the likeliest place to see why a start failed. */
    Path lastLogFile() {
        return lastLogFile;
    }
}
