package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.provision.spi.ProvisionBackend;
import org.pifpaf.runtime.provision.spi.ProvisionFailedException;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link ProvisionBackend} on first need, so that Maven's resolver (some twenty jars)
 * is loaded only when a daemon must be fetched: from this module's own class path or module
 * graph (a library user's dependency on {@code pifpaf-provision}), else from the distribution's
 * {@code lib/provision} directory, whose jars get a class loader of their own, a child of the
 * runtime's. They cannot be linked into the command line's runtime image ({@code jlink} takes
 * explicit modules only, and the resolver's jars are automatic ones), nor be a module layer:
 * two Maven jars share packages ({@code maven-model} and {@code maven-model-builder} both hold
 * {@code org.apache.maven.model.merge}), which a layer refuses and a class loader accepts.
 */
public final class Backends {

    /** The system property naming the directory of the backend's jars (default {@code <pifpaf.home>/lib/provision}). */
    public static final String PATH_PROPERTY = "pifpaf.provision.path";
    private static volatile ProvisionBackend.Factory factory;

    private Backends() {
    }

    /**
     * A backend reading {@code userSettings}, in {@code environment}.
     *
     * @throws ProvisionFailedException when no backend is to be had
     */
    public static ProvisionBackend create(Path userSettings, Environment environment) {
        return factory().create(userSettings, environment);
    }

    private static ProvisionBackend.Factory factory() {
        ProvisionBackend.Factory current = factory;
        if (current == null) {
            synchronized (Backends.class) {
                current = factory;
                if (current == null) {
                    current = ServiceLoader.load(ProvisionBackend.Factory.class, Backends.class.getClassLoader())
                            .findFirst().or(Backends::fromDirectory)
                            .orElseThrow(() -> new ProvisionFailedException("fetching daemons needs the module"
                                    + " org.pifpaf:pifpaf-provision (add it to your test dependencies), or the"
                                    + " distribution's lib/provision directory"));
                    factory = current;
                }
            }
        }
        return current;
    }

    private static Optional<ProvisionBackend.Factory> fromDirectory() {
        String explicit = System.getProperty(PATH_PROPERTY);
        String home = System.getProperty("pifpaf.home");
        Path dir = explicit != null ? Path.of(explicit) : home != null ? Path.of(home, "lib", "provision") : null;
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        ServiceLoader<ProvisionBackend.Factory> loader = ServiceLoader.load(ProvisionBackend.Factory.class,
                classLoaderOf(dir));
        Optional<ProvisionBackend.Factory> found = loader.findFirst();
        LoggerFactory.getLogger("pifpaf").debug("provisioning backend from {} loaded in {} ms", dir,
                (System.nanoTime() - started) / 1_000_000);
        return found;
    }

    private static ClassLoader classLoaderOf(Path dir) {
        try (var jars = Files.list(dir)) {
            java.net.URL[] urls = jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(p -> {
                try {
                    return p.toUri().toURL();
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalArgumentException(e);
                }
            }).toArray(java.net.URL[]::new);
            return new java.net.URLClassLoader(urls, Backends.class.getClassLoader());
        } catch (IOException e) {
            throw new ProvisionFailedException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
