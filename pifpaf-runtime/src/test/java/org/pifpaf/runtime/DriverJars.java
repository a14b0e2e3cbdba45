package org.pifpaf.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import org.pifpaf.runtime.system.FileTrees;

/**
 * Driver jars made by a test, compiled from source here: a driver of any name that, each time
 * it is instantiated (that is, each time its jar is loaded), appends its name to the file named
 * by the system property {@value #LOAD_LOG}, so a test can see which jars a lookup loaded.
 */
final class DriverJars {

    /** The system property naming the file that generated drivers append their name to when loaded. */
    static final String LOAD_LOG = "pifpaf.test.loadLog";

    private static final Map<String, byte[]> COMPILED = new ConcurrentHashMap<>();
    private static Path packedEcho;

    private DriverJars() {
    }

    /** Writes {@code jar} holding one driver named {@code name} (a Java identifier). */
    static Path write(Path jar, String name) throws IOException {
        byte[] classFile = COMPILED.computeIfAbsent(name, DriverJars::compile);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("generated/" + name + "/Driver.class"));
            out.write(classFile);
            out.putNextEntry(new JarEntry("META-INF/services/org.pifpaf.api.DaemonDriver"));
            out.write(("generated." + name + ".Driver\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static byte[] compile(String name) {
        try {
            Path work = Files.createTempDirectory("driver-jar-");
            try {
                Path source = work.resolve("Driver.java");
                Files.writeString(source, """
                        package generated.%1$s;

                        import java.nio.file.*;

                        public final class Driver implements org.pifpaf.api.DaemonDriver {
                            public Driver() throws java.io.IOException {
                                String log = System.getProperty("%2$s");
                                if (log != null) {
                                    Files.writeString(Path.of(log), "%1$s\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                                }
                            }
                            public String name() { return "%1$s"; }
                            public void start(org.pifpaf.api.DriverContext context) { throw new UnsupportedOperationException(); }
                        }
                        """.formatted(name, LOAD_LOG));
                ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
                int status = javac.run(System.out, System.err, "--release", "17", "-cp",
                        System.getProperty("java.class.path"), "-d", work.toString(), source.toString());
                if (status != 0) {
                    throw new IllegalStateException("cannot compile a driver named " + name);
                }
                return Files.readAllBytes(work.resolve(Path.of("generated", name, "Driver.class")));
            } finally {
                FileTrees.delete(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The echo driver's jar (the system property {@code pifpaf.echoJar}). A reactor build that
     * stops at {@code test} hands over the module's classes directory instead of its jar; it is
     * then packed into a jar of this JVM's own, since discovery loads jars, not directories of classes.
     */
    static synchronized Path echoJar() {
        Path given = Path.of(System.getProperty("pifpaf.echoJar", "missing"));
        if (!Files.isDirectory(given)) {
            return given;
        }
        if (packedEcho == null) {
            Path jar;
            try {
                jar = Files.createTempFile("echo-driver-", ".jar");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jar.toFile().deleteOnExit();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 var files = Files.walk(given)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(given.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            packedEcho = jar;
        }
        return packedEcho;
    }

    /** The names logged by generated drivers in {@code log}. */
    static List<String> loaded(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
