package org.pifpaf.testkit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a daemon's executable that no registry here provides, for a contract test: a
 * script that runs {@link FakeDaemon} in a JVM of its own, which finds the {@link Invocation}
 * whose arguments it was handed, checks that invocation's variables and files exactly, and then
 * acts the part (prints what the driver waits for, serves its port). Anything that differs makes
 * it print what it expected and what it got, and exit with status 97, which fails the start
 * with that text in the failure's output.
 *
 * <p>Texts are templates: {@code ${name:regex}} captures, {@code ${name}} repeats a capture,
 * {@code ${data}} is the working directory (pifpaf starts daemons in their data directory). The
 * fake prints {@code CAPTURED name=value} for each capture, so a test can compare what the
 * daemon was handed with what the driver exported.
 *
 * <pre>{@code
 * Path vault = FakeExecutable.named("vault")
 *         .on(Invocation.withArgs("server", "-dev", "-dev-listen-address=127.0.0.1:${port:\\d+}")
 *                 .prints("==> Vault server started!"))
 *         .writeInto(binDir);
 * }</pre>
 */
public final class FakeExecutable {

    private final String name;
    private final List<Invocation> invocations = new ArrayList<>();
    private String classpath = System.getProperty("java.class.path");
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    private FakeExecutable(String name) {
        this.name = name;
    }

    /** A fake named {@code name} (the file name drivers look for). */
    public static FakeExecutable named(String name) {
        return new FakeExecutable(name);
    }

    /** One way it may be run; the first invocation whose arguments match is the one checked. */
    public FakeExecutable on(Invocation invocation) {
        invocations.add(invocation);
        return this;
    }

    /**
     * The class path of the fake's JVM (default: this JVM's), which must hold this class and
     * whatever {@link Invocation#runsMain} names; readable by whoever runs the fake.
     */
    public FakeExecutable classpath(String value) {
        classpath = value;
        return this;
    }

    /** Writes the fake as {@code dir/<name>} (mode 0755) with its contract beside it; returns the fake. */
    public Path writeInto(Path dir) {
        try {
            Files.createDirectories(dir);
            Path contract = dir.resolve("." + name + ".contract");
            ContractFile.write(contract, name, invocations);
            Path fake = dir.resolve(name);
            Files.writeString(fake, "#!/bin/sh\n"
                    + "# A stand-in for " + name + " in a contract test: checks what it is handed, then acts the part.\n"
                    + "exec " + quote(java.toString()) + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto"
                    + " -cp " + quote(classpath) + " " + FakeDaemon.class.getName() + " " + quote(contract.toString())
                    + " \"$@\"\n");
            Files.setPosixFilePermissions(contract, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a fake captured, read from its output ({@code CAPTURED name=value} lines; the log file
     * pifpaf kept for it); the last value of a name wins.
     */
    public static Map<String, String> capturesIn(Path output) {
        try {
            Map<String, String> captures = new LinkedHashMap<>();
            for (String line : Files.readAllLines(output)) {
                int equals = line.indexOf('=');
                if (line.startsWith("CAPTURED ") && equals > 0) {
                    captures.put(line.substring("CAPTURED ".length(), equals), line.substring(equals + 1));
                }
            }
            return captures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
