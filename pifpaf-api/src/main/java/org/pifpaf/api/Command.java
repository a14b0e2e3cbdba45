package org.pifpaf.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable description of a process to run: its arguments, extra environment, standard
 * input, working directory, whether it drops root, and how it is stopped.
 *
 * <p>Every process also sees the variables the driver has exported so far.
 *
 * <pre>{@code
 * Command.of(redisServer, configFile.toString()).stopSignal(Signal.TERM)
 * }</pre>
 */
public final class Command {

    private final List<String> argv;
    private final Map<String, String> environment;
    private final String stdin;
    private final Path workingDirectory;
    private final boolean unprivileged;
    private final Signal stopSignal;
    private final Duration stopGracePeriod;
    private final String label;
    private final boolean sharesClassData;

    private Command(List<String> argv, Map<String, String> environment, String stdin,
                    Path workingDirectory, boolean unprivileged, Signal stopSignal,
                    Duration stopGracePeriod, String label, boolean sharesClassData) {
        this.argv = List.copyOf(argv);
        this.environment = Map.copyOf(environment);
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
        this.unprivileged = unprivileged;
        this.stopSignal = stopSignal;
        this.stopGracePeriod = stopGracePeriod;
        this.label = label;
        this.sharesClassData = sharesClassData;
    }

    /** A command running {@code executable} with {@code args}. */
    public static Command of(Path executable, String... args) {
        Objects.requireNonNull(executable, "executable");
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(List.of(args));
        return new Command(argv, Map.of(), null, null, false, Signal.TERM, Duration.ofSeconds(10),
                executable.getFileName().toString(), false);
    }

    /** The same command with more arguments appended. */
    public Command args(String... more) {
        return args(List.of(more));
    }

    /** The same command with more arguments appended. */
    public Command args(List<String> more) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(more);
        return new Command(all, environment, stdin, workingDirectory, unprivileged, stopSignal,
                stopGracePeriod, label, sharesClassData);
    }

    /** The same command with one more environment variable. */
    public Command env(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put(name, value);
        return new Command(argv, all, stdin, workingDirectory, unprivileged, stopSignal,
                stopGracePeriod, label, sharesClassData);
    }

    /** The same command, fed {@code text} on standard input (then end of file). */
    public Command stdin(String text) {
        return new Command(argv, environment, text, workingDirectory, unprivileged, stopSignal,
                stopGracePeriod, label, sharesClassData);
    }

    /** The same command, run in {@code directory}. */
    public Command workingDirectory(Path directory) {
        return new Command(argv, environment, stdin, directory, unprivileged, stopSignal,
                stopGracePeriod, label, sharesClassData);
    }

    /**
     * The same command, run as the unprivileged user when pifpaf runs as root (for daemons that
     * refuse root, such as PostgreSQL). The runtime gives that user the data directory. Without
     * root this changes nothing.
     */
    public Command asUnprivilegedUser() {
        return new Command(argv, environment, stdin, workingDirectory, true, stopSignal,
                stopGracePeriod, label, sharesClassData);
    }

    /** The same command, stopped with {@code signal} (default {@link Signal#TERM}). */
    public Command stopSignal(Signal signal) {
        return new Command(argv, environment, stdin, workingDirectory, unprivileged,
                Objects.requireNonNull(signal), stopGracePeriod, label, sharesClassData);
    }

    /** The same command, killed if it has not stopped {@code grace} after its stop signal. */
    public Command stopGracePeriod(Duration grace) {
        return new Command(argv, environment, stdin, workingDirectory, unprivileged, stopSignal,
                Objects.requireNonNull(grace), label, sharesClassData);
    }

    /** The same command under another label: the name of its log file and of its log lines. */
    public Command label(String newLabel) {
        return new Command(argv, environment, stdin, workingDirectory, unprivileged, stopSignal,
                stopGracePeriod, Objects.requireNonNull(newLabel), sharesClassData);
    }

    /**
     * The same command, a Java virtual machine started with {@code -cp CLASSPATH MAINCLASS} whose
     * classes pifpaf may archive for its later starts (Java's class-data sharing): the first start
     * records the classes it loads, an archive of them is made in the background into the
     * template cache, and later starts of the same {@code java}, class path and main class map
     * it, which spares them much of their class loading (ZooKeeper: a fifth of its start). The
     * runtime adds the options after the executable; without a template cache, or for a command
     * run as the unprivileged user (who cannot read the cache), it changes nothing.
     */
    public Command sharingClassData() {
        return new Command(argv, environment, stdin, workingDirectory, unprivileged, stopSignal,
                stopGracePeriod, label, true);
    }

    /** Whether pifpaf may archive its classes for later starts (see {@link #sharingClassData()}). */
    public boolean sharesClassData() {
        return sharesClassData;
    }

    /** The arguments, the executable first. */
    public List<String> argv() {
        return argv;
    }

    /** Environment variables added for this command only. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Text for standard input, or {@code null} for none. */
    public String stdin() {
        return stdin;
    }

    /** The working directory, or {@code null} for the data directory. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Whether it runs as the unprivileged user when pifpaf is root. */
    public boolean unprivileged() {
        return unprivileged;
    }

    /** The signal that asks it to stop. */
    public Signal stopSignal() {
        return stopSignal;
    }

    /** How long it may take to stop before it is killed. */
    public Duration stopGracePeriod() {
        return stopGracePeriod;
    }

    /** A short name, by default the executable's file name. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
