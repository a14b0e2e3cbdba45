package org.pifpaf.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code bin/pifpaf} as a subprocess, as a user would. */
final class Launcher {

    static final Path PIFPAF = Path.of(System.getProperty("pifpaf.launcher", "target/pifpaf/bin/pifpaf")).toAbsolutePath();
    static final Path TEST_DRIVERS = Path.of(System.getProperty("pifpaf.testDrivers", "target/test-drivers")).toAbsolutePath();

    /** Output of one run. */
    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Launcher() {
    }

    /** Runs {@code pifpaf args...} as {@code identity}. */
    static Result pifpaf(Identity identity, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(PIFPAF.toString());
        argv.addAll(List.of(args));
        return run(identity, argv, Map.of());
    }

    /** Runs {@code bash -c script} as {@code identity} with {@code pifpaf} on PATH. */
    static Result bash(Identity identity, String script) throws IOException, InterruptedException {
        return run(identity, List.of("bash", "-c", script), Map.of());
    }

    static Result run(Identity identity, List<String> argv, Map<String, String> env)
            throws IOException, InterruptedException {
        Process process = start(identity, argv, env);
        var stdout = process.getInputStream();
        var stderr = process.getErrorStream();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread errReader = new Thread(() -> {
            try {
                err.complete(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.complete("");
            }
        });
        errReader.start();
        String out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("pifpaf did not finish: " + argv);
        }
        errReader.join(Duration.ofSeconds(10).toMillis());
        return new Result(process.exitValue(), out, err.getNow(""));
    }

    static Process start(Identity identity, List<String> argv, Map<String, String> env) throws IOException {
        return start(identity, argv, env, ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    /** Starts {@code argv} as {@code identity}, its standard input {@code input} (a pipe to type into, say). */
    static Process start(Identity identity, List<String> argv, Map<String, String> env, ProcessBuilder.Redirect input)
            throws IOException {
        List<String> full = new ArrayList<>(identity.prefix());
        full.addAll(argv);
        // ProcessBuilder looks the program up on this JVM's PATH, not the child's.
        int program = identity.prefix().size();
        if (full.get(program).equals("pifpaf")) {
            full.set(program, PIFPAF.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(full).redirectInput(input);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", PIFPAF.getParent() + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.remove("PIFPAF_URLS");
        environment.remove("PIFPAF_DRIVERS_PATH");
        // Every test runs pifpaf's JVM, whatever server the machine runs, but those that give PIFPAF_SERVER.
        environment.put("PIFPAF_SERVER", "off");
        environment.putAll(identity.environment());
        environment.putAll(new HashMap<>(env));
        return builder.start();
    }

    /** The variables an eval-mode output exports, unquoted. */
    static Map<String, String> exports(String evalOutput) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pifpaf-eval", ".sh");
        try {
            Files.writeString(script, evalOutput);
            Process p = new ProcessBuilder("bash", "-c", "set -a; . \"$1\" >/dev/null; env -0", "x", script.toString()).start();
            String env = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Map<String, String> vars = new HashMap<>();
            for (String entry : env.split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    vars.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return vars;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
