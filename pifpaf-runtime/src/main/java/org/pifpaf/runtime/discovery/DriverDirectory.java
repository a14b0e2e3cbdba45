package org.pifpaf.runtime.discovery;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.runtime.DriverDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and loads the units of a drivers directory. Each jar directly in it, and each sub-directory
 * (a driver jar with its own dependency jars), becomes its own {@link ModuleLayer} whose parent
 * is the layer holding the API, so drivers cannot see each other's dependencies. Plain jars
 * load as automatic modules. A unit that cannot be loaded is reported and skipped.
 *
 * <p>When the API itself sits on the class path (as in most users' test projects) there is no
 * module layer to be a child of; each unit then gets its own class loader instead.
 */
public final class DriverDirectory {

    private static final Logger LOG = LoggerFactory.getLogger("pifpaf");

    private DriverDirectory() {
    }

    /**
     * The units of {@code dir}: each jar directly in it and each sub-directory, in file-name
     * order; none if it does not exist.
     */
    public static List<Path> units(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list drivers directory {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    /**
     * The drivers of one unit; none, after a one-line warning naming it, when it cannot be
     * loaded or holds no driver.
     */
    public static List<DriverDescriptor> load(Path unit) {
        try {
            List<DriverDescriptor> found = loadUnit(unit);
            if (found.isEmpty()) {
                LOG.warn("ignoring {}: it holds no pifpaf driver", unit);
            }
            return found;
        } catch (LinkageError e) {
            LOG.warn("ignoring {}: it does not match this pifpaf's API (built for another version?): {}", unit, oneLine(e));
        } catch (RuntimeException | ServiceConfigurationError e) {
            LOG.warn("ignoring {}: cannot load it ({})", unit, oneLine(e));
        }
        return List.of();
    }

    private static List<DriverDescriptor> loadUnit(Path unit) {
        Module api = DaemonDriver.class.getModule();
        if (api.isNamed() && api.getLayer() != null) {
            return loadAsLayer(unit, api.getLayer());
        }
        return loadWithClassLoader(unit);
    }

    private static List<DriverDescriptor> loadAsLayer(Path unit, ModuleLayer parent) {
        ModuleFinder finder = ModuleFinder.of(unit);
        Set<String> roots = finder.findAll().stream()
                .map(ModuleReference::descriptor)
                .map(d -> d.name())
                .collect(Collectors.toSet());
        // Every module of the unit is a root, so service binding could add nothing; it only costs time.
        Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, DaemonDriver.class.getClassLoader());
        List<DriverDescriptor> drivers = new ArrayList<>();
        ServiceLoader.load(layer, DaemonDriver.class).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .forEach(provider -> DriverNames.ifValid(provider.get(), unit.toString(), drivers::add));
        return drivers;
    }

    private static List<DriverDescriptor> loadWithClassLoader(Path unit) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : Files.isDirectory(unit) ? jarsIn(unit) : List.of(unit)) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), DaemonDriver.class.getClassLoader());
        List<DriverDescriptor> drivers = new ArrayList<>();
        ServiceLoader.load(DaemonDriver.class, loader).stream()
                .filter(provider -> provider.type().getClassLoader() == loader)
                .forEach(provider -> DriverNames.ifValid(provider.get(), unit.toString(), drivers::add));
        return drivers;
    }

    private static List<Path> jarsIn(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
