package org.pifpaf.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.pifpaf.runtime.stack.ValueTemplate;

/**
 * One daemon of a stack file.
 *
 * <p>Option values may refer to variables of daemons started before this one, as
 * {@code ${name.VARIABLE}}; {@code $$} stands for a literal {@code $}. Values without references
 * are already checked against the driver's option types and normalized ({@code 5432},
 * {@code true}).
 *
 * @param name    the daemon's name, its key under {@code daemons}
 * @param driver  the driver's name
 * @param options option values as text in file order, keyed by the driver's option names
 *                (underscores, not dashes), references not yet resolved
 * @param prefix  the variable prefix its variables are exported with, e.g. {@code INDEX}
 * @param line    the 1-based line of the entry's key in the file
 */
public record StackEntry(String name, String driver, Map<String, String> options, String prefix, int line) {

    /** Checks for nulls and keeps the options in their order. */
    public StackEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(prefix, "prefix");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * The names of the daemons whose variables this entry's option values refer to, in the order
     * they are first referred to; they must be started first.
     */
    public Set<String> dependencies() {
        Set<String> names = new LinkedHashSet<>();
        for (String value : options.values()) {
            for (ValueTemplate.Reference reference : ValueTemplate.parse(value).references()) {
                names.add(reference.daemon());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * The option values with every {@code ${name.VARIABLE}} replaced and {@code $$} turned into
     * {@code $}. {@code VARIABLE} is looked up among the variables daemon {@code name} exported
     * as it is written ({@code PGHOST}), then with that daemon's prefix ({@code URL} finds
     * {@code INDEX_URL}).
     *
     * @param stack      the stack this entry belongs to, for the other daemons' prefixes and for
     *                   messages
     * @param exportedOf the variables each started daemon exported, by daemon name (for example
     *                   its {@code RunningDaemon.environment()})
     * @throws StackFileException naming this entry's option when a daemon did not export the
     *         variable
     * @throws IllegalStateException when {@code exportedOf} has nothing for a dependency, i.e. it
     *         was not started first
     */
    public Map<String, String> resolvedOptions(StackDefinition stack,
            Function<String, Map<String, String>> exportedOf) {
        Map<String, String> resolved = new LinkedHashMap<>();
        options.forEach((option, value) -> resolved.put(option,
                ValueTemplate.parse(value).resolve(reference -> variable(stack, exportedOf, option, reference))));
        return Collections.unmodifiableMap(resolved);
    }

    private String variable(StackDefinition stack, Function<String, Map<String, String>> exportedOf,
            String option, ValueTemplate.Reference reference) {
        StackEntry source = stack.entry(reference.daemon()).orElseThrow(() -> new IllegalArgumentException(
                "daemon " + reference.daemon() + " is not in " + stack.file()));
        Map<String, String> exported = exportedOf.apply(source.name());
        if (exported == null) {
            throw new IllegalStateException("daemon " + source.name() + " must be started before " + name
                    + "; start the stack in topologicalOrder()");
        }
        String prefixed = source.prefix() + "_" + reference.variable();
        String value = exported.getOrDefault(reference.variable(), exported.get(prefixed));
        if (value == null) {
            throw new StackFileException(stack.file(), line, "daemons." + name + ".options." + option,
                    reference + ": daemon " + source.name() + " exports no variable " + reference.variable()
                            + " or " + prefixed + "; it exports "
                            + (exported.isEmpty() ? "none" : String.join(", ", new TreeSet<>(exported.keySet()))));
        }
        return value;
    }
}
