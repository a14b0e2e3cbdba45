package org.pifpaf.testkit.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The program behind a {@link FakeExecutable}: {@code FakeDaemon <contract> <argument>...}. It
 * runs in a JVM of its own, started by the driver under test as if it were the daemon.
 */
public final class FakeDaemon {

    /** Printed with the explanation when the contract is broken. */
    static final int BROKEN = 97;

    private final String name;
    private final Map<String, String> captures = new HashMap<>();

    private FakeDaemon(String name) {
        this.name = name;
        captures.put("data", System.getProperty("user.dir"));
    }

    /** Checks the arguments, variables and files against the contract, then acts the part. */
    public static void main(String[] args) throws Exception {
        StringBuilder name = new StringBuilder();
        List<ContractFile.Entry> entries = ContractFile.read(Path.of(args[0]), name);
        List<String> argv = List.of(args).subList(1, args.length);
        FakeDaemon fake = new FakeDaemon(name.toString());
        fake.say("handed " + argv);
        ContractFile.Entry entry = fake.invocationFor(argv, entries);
        for (List<String> line : entry.lines()) {
            fake.check(line);
        }
        fake.say("contract kept");
        new TreeMap<>(fake.captures).forEach((key, value) -> {
            if (!key.equals("data")) {
                System.out.println("CAPTURED " + key + "=" + value);
            }
        });
        fake.act(entry.lines());
        while (true) {
            Thread.sleep(60_000); // until the runtime stops it, as it stops the daemon
        }
    }

    private ContractFile.Entry invocationFor(List<String> argv, List<ContractFile.Entry> entries) {
        for (ContractFile.Entry entry : entries) {
            Map<String, String> tried = new HashMap<>(captures);
            if (argsMatch(entry.args(), argv, tried)) {
                captures.putAll(tried);
                return entry;
            }
        }
        throw broken("the arguments " + argv + " are none of the expected ones:\n"
                + entries.stream().map(e -> "  " + e.args()).collect(Collectors.joining("\n")));
    }

    private static boolean argsMatch(List<Template> expected, List<String> actual, Map<String, String> tried) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).matches(actual.get(i), tried)) {
                return false;
            }
        }
        return true;
    }

    private void check(List<String> line) throws IOException {
        switch (line.get(0)) {
            case "env" -> {
                String actual = System.getenv(line.get(1));
                if (actual == null || !new Template(line.get(2)).matches(actual, captures)) {
                    throw broken("variable " + line.get(1) + " is " + (actual == null ? "not set" : "\"" + actual + "\"")
                            + "; expected \"" + line.get(2) + "\"");
                }
            }
            case "unset" -> {
                if (System.getenv(line.get(1)) != null) {
                    throw broken("variable " + line.get(1) + " is set (\"" + System.getenv(line.get(1))
                            + "\"); expected it unset");
                }
            }
            case "file" -> {
                Path file = Path.of(new Template(line.get(1)).render(captures));
                if (!Files.isRegularFile(file)) {
                    throw broken("no file " + file);
                }
                String actual = Files.readString(file, StandardCharsets.UTF_8);
                if (!new Template(line.get(2)).matches(actual, captures)) {
                    throw broken("the file " + file + " differs.\n--- expected\n" + line.get(2) + "\n--- actual\n" + actual
                            + "\n---");
                }
            }
            default -> {
                // A step, acted on after every check.
            }
        }
    }

    private void act(List<List<String>> lines) throws Exception {
        Map<String, List<List<String>>> routesByPort = new LinkedHashMap<>();
        for (List<String> line : lines) {
            if (line.get(0).equals("http")) {
                routesByPort.computeIfAbsent(render(line.get(1)), port -> new ArrayList<>())
                        .add(line.subList(2, line.size()).stream().map(this::render).toList());
            }
        }
        for (List<String> line : lines) {
            switch (line.get(0)) {
                case "listen" -> TinyServers.listen(port(render(line.get(1))), null);
                case "http" -> {
                    List<List<String>> routes = routesByPort.remove(render(line.get(1)));
                    if (routes != null) { // the port's first route starts its server
                        TinyServers.listen(port(render(line.get(1))), routes);
                    }
                }
                case "print" -> {
                    System.out.println(render(line.get(1)));
                    System.out.flush();
                }
                case "main" -> Class.forName(line.get(1)).getMethod("main", String[].class)
                        .invoke(null, (Object) line.subList(2, line.size()).stream().map(this::render).toArray(String[]::new));
                case "exit" -> {
                    System.out.flush();
                    System.exit(Integer.parseInt(line.get(1)));
                }
                default -> {
                    // A check, done already.
                }
            }
        }
    }

    private String render(String template) {
        return new Template(template).render(captures);
    }

    private int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw broken("\"" + text + "\" is not a port");
        }
    }

    private void say(String text) {
        System.out.println("FAKE " + name + ": " + text);
        System.out.flush();
    }

    /** Prints why, and exits: nothing after it runs. */
    private RuntimeException broken(String why) {
        say("contract broken: " + why);
        System.exit(BROKEN);
        return new IllegalStateException(why);
    }
}
