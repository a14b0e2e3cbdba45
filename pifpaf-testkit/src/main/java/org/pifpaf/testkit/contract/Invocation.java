package org.pifpaf.testkit.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * One way a fake executable may be run: the exact arguments it must be handed, the variables and
 * files it checks, and what it then does, step by step, as the real program would. Texts are
 * templates (see {@link FakeExecutable}). Built by chained calls, read in that order.
 *
 * <pre>{@code
 * Invocation.withArgs("server", "-dev", "-dev-listen-address=127.0.0.1:${port:\\d+}")
 *         .env("HOME", "${data}")
 *         .servesHttp("${port}", Route.get("/v1/sys/health", 200, "{\"sealed\":false}"))
 *         .prints("==> Vault server started! Log data will stream in below:")
 * }</pre>
 */
public final class Invocation {

    private final List<String> args;
    private final List<List<String>> lines = new ArrayList<>();

    private Invocation(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** Run with exactly these arguments (templates), in this order, and no others. */
    public static Invocation withArgs(String... args) {
        return new Invocation(List.of(args));
    }

    /** Run with exactly these arguments (templates). */
    public static Invocation withArgs(List<String> args) {
        return new Invocation(args);
    }

    /** The variable {@code name} must be set to {@code value} (a template; "" for set but empty). */
    public Invocation env(String name, String value) {
        return line("env", name, value);
    }

    /** The variable {@code name} must not be set. */
    public Invocation unsetEnv(String name) {
        return line("unset", name);
    }

    /** The file at {@code path} must exist and hold exactly {@code content} (both templates). */
    public Invocation file(String path, String content) {
        return line("file", path, content);
    }

    /** Then accepts TCP connections on 127.0.0.1 at {@code port} (a template), and closes them. */
    public Invocation listens(String port) {
        return line("listen", port);
    }

    /** Then serves these HTTP routes on 127.0.0.1 at {@code port} (a template); others get 404. */
    public Invocation servesHttp(String port, Route... routes) {
        for (Route route : routes) {
            List<String> fields = new ArrayList<>(List.of("http", port));
            fields.addAll(route.fields());
            lines.add(fields);
        }
        return this;
    }

    /** Then prints {@code text} (a template) on standard output. */
    public Invocation prints(String text) {
        return line("print", text);
    }

    /**
     * Then calls {@code mainClass}'s {@code main} with these arguments (templates) in the fake's
     * JVM, which must find the class on its class path. The method should start what it serves
     * and return; the fake then goes on.
     */
    public Invocation runsMain(String mainClass, String... mainArgs) {
        List<String> fields = new ArrayList<>(List.of("main", mainClass));
        fields.addAll(List.of(mainArgs));
        lines.add(fields);
        return this;
    }

    /** Then exits with {@code status}. Without it, the fake runs until it is stopped. */
    public Invocation exits(int status) {
        return line("exit", Integer.toString(status));
    }

    List<String> args() {
        return args;
    }

    /** The checks and steps, each as its kind followed by its fields. */
    List<List<String>> lines() {
        return lines;
    }

    private Invocation line(String... fields) {
        lines.add(List.of(fields));
        return this;
    }
}
