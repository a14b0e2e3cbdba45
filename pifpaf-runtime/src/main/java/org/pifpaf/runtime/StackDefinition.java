package org.pifpaf.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The daemons of a stack file, checked: drivers and options exist, references name other
 * daemons, and there is no dependency cycle.
 *
 * @param file    the stack file, as it was named
 * @param daemons the daemons in file order
 */
public record StackDefinition(Path file, List<StackEntry> daemons) {

    /** Copies {@code daemons}, whose names must be unique. */
    public StackDefinition {
        Objects.requireNonNull(file, "file");
        daemons = List.copyOf(daemons);
        Set<String> names = new HashSet<>();
        for (StackEntry entry : daemons) {
            if (!names.add(entry.name())) {
                throw new IllegalArgumentException("two daemons are named " + entry.name());
            }
        }
    }

    /** The daemon named {@code name}, if any. */
    public Optional<StackEntry> entry(String name) {
        return daemons.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /**
     * The daemons in an order to start them: each after the daemons it refers to, otherwise in
     * file order (at each step, the first daemon in the file whose dependencies are all placed).
     * Stop them in the reverse order.
     *
     * @throws IllegalStateException for a dependency cycle, which a parsed stack never has
     */
    public List<StackEntry> topologicalOrder() {
        Map<String, Set<String>> dependencies = dependencies();
        List<StackEntry> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (order.size() < daemons.size()) {
            StackEntry next = daemons.stream()
                    .filter(entry -> !placed.contains(entry.name()))
                    .filter(entry -> placed.containsAll(dependencies.get(entry.name())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("dependency cycle "
                            + String.join(" -> ", cycle().orElseThrow())));
            order.add(next);
            placed.add(next.name());
        }
        return List.copyOf(order);
    }

    /** A dependency cycle, as names from a daemon back to itself, if there is one. */
    Optional<List<String>> cycle() {
        Map<String, Set<String>> dependencies = dependencies();
        Set<String> done = new HashSet<>();
        for (StackEntry entry : daemons) {
            List<String> cycle = cycleFrom(entry.name(), dependencies, new ArrayList<>(), done);
            if (cycle != null) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    private static List<String> cycleFrom(String name, Map<String, Set<String>> dependencies, List<String> path,
            Set<String> done) {
        int at = path.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(name);
            return cycle;
        }
        if (done.contains(name)) {
            return null;
        }
        path.add(name);
        for (String dependency : dependencies.get(name)) {
            List<String> cycle = cycleFrom(dependency, dependencies, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return null;
    }

    /** Each daemon's dependencies within this stack. */
    private Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (StackEntry entry : daemons) {
            dependencies.put(entry.name(), new LinkedHashSet<>(entry.dependencies()));
        }
        dependencies.values().forEach(names -> names.retainAll(dependencies.keySet()));
        return dependencies;
    }
}
