package org.pifpaf.runtime;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverOption;
import org.pifpaf.runtime.stack.OptionText;
import org.pifpaf.runtime.stack.ValueTemplate;
import org.pifpaf.runtime.stack.YamlException;
import org.pifpaf.runtime.stack.YamlNode;
import org.pifpaf.runtime.stack.YamlNode.Field;
import org.pifpaf.runtime.stack.YamlNode.Kind;
import org.pifpaf.runtime.stack.YamlNode.Mapping;
import org.pifpaf.runtime.stack.YamlNode.Scalar;
import org.pifpaf.runtime.stack.YamlTree;

/**
 * Reads stack files: YAML that names several daemons to start together.
 *
 * <pre>{@code
 * daemons:
 *   storage: { driver: memcached }
 *   index:
 *     driver: postgresql
 *     options: { sync: false, port: 0 }
 *     prefix: IDX              # default: the name upper-cased, '-' as '_'
 *   app:
 *     driver: echo
 *     options:
 *       message: "db at ${index.URL} port ${index.PGPORT}"   # $$ for a literal $
 * }</pre>
 *
 * <p>Everything that can be checked before a daemon starts is checked here: keys, drivers,
 * option names and the types of literal values, prefixes, references and dependency cycles.
 * Every problem is a {@link StackFileException} naming the file, line and key.
 */
public final class StackFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TOP_LEVEL_KEYS = List.of("daemons");
    private static final List<String> ENTRY_KEYS = List.of("driver", "options", "prefix");

    private final Path file;
    private final DriverRegistry registry;
    private final Set<String> names = new LinkedHashSet<>();
    private final Map<String, String> prefixOwners = new HashMap<>();

    private StackFiles(Path file, DriverRegistry registry) {
        this.file = Objects.requireNonNull(file, "file");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Reads and checks the stack file {@code file} (UTF-8).
     *
     * @param registry the drivers the daemons may use
     * @throws StackFileException when the file cannot be read or is not a valid stack file
     */
    public static StackDefinition parse(Path file, DriverRegistry registry) {
        return parse(read(file), file, registry);
    }

    /**
     * Checks the stack file text {@code yamlText}.
     *
     * @param nameForMessages the file name that messages and {@link StackDefinition#file()} give
     * @param registry        the drivers the daemons may use
     * @throws StackFileException when the text is not a valid stack file
     */
    public static StackDefinition parse(String yamlText, Path nameForMessages, DriverRegistry registry) {
        return new StackFiles(nameForMessages, registry).definition(yamlText);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StackFileException(file, 0, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new StackFileException(file, 0, "", "cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw new StackFileException(file, 0, "", "cannot read: not UTF-8 text");
        } catch (FileSystemException e) {
            throw new StackFileException(file, 0, "", "cannot read: "
                    + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
        } catch (IOException e) {
            throw new StackFileException(file, 0, "", "cannot read: " + e.getMessage());
        }
    }

    private StackDefinition definition(String text) {
        YamlNode root;
        try {
            root = YamlTree.read(text).orElseThrow(() -> fail(1, "", "the file is empty; it needs a 'daemons' mapping"));
        } catch (YamlException e) {
            throw fail(e.line(), e.path(), e.getMessage());
        }
        if (!(root instanceof Mapping top)) {
            throw fail(root.line(), "", "the top level must be a mapping with a 'daemons' key, not " + root.describe());
        }
        rejectUnknownKeys(top, "", TOP_LEVEL_KEYS, "the only top-level key is 'daemons'");
        Field daemons = top.field("daemons")
                .orElseThrow(() -> fail(top.line(), "daemons", "missing; list the daemons to start under 'daemons:'"));
        if (!(daemons.value() instanceof Mapping entries)) {
            throw fail(daemons.line(), "daemons",
                    "must be a mapping from daemon names to daemons, not " + daemons.value().describe());
        }
        if (entries.fields().isEmpty()) {
            throw fail(daemons.line(), "daemons", "is empty; name at least one daemon");
        }
        entries.fields().forEach(field -> names.add(field.key()));
        List<StackEntry> parsed = new ArrayList<>();
        for (Field field : entries.fields()) {
            parsed.add(entry(field));
        }
        StackDefinition definition = new StackDefinition(file, parsed);
        Optional<List<String>> cycle = definition.cycle();
        if (cycle.isPresent()) {
            StackEntry first = definition.entry(cycle.get().get(0)).orElseThrow();
            throw fail(first.line(), "daemons." + first.name(), "dependency cycle " + String.join(" -> ", cycle.get()));
        }
        return definition;
    }

    private StackEntry entry(Field field) {
        String name = field.key();
        String key = "daemons." + name;
        if (!NAME.matcher(name).matches()) {
            throw fail(field.line(), key, "a daemon name is letters, digits, '-' and '_', starting with a letter or '_'");
        }
        if (!(field.value() instanceof Mapping entry)) {
            throw fail(field.line(), key, "must be a mapping with at least a driver, not " + field.value().describe());
        }
        rejectUnknownKeys(entry, key, ENTRY_KEYS, "a daemon has driver, options and prefix");
        DaemonSpec spec = spec(entry, key, field.line());
        DaemonDriver driver = registry.find(spec.driver()).orElseThrow().driver();
        String prefix = prefix(entry, key, field.line(), name);
        Map<String, String> options = options(entry, key, name, driver);
        return new StackEntry(name, spec.toString(), options, prefix, field.line());
    }

    /** The {@code driver} key: a known driver's name, with a daemon version if asked ({@code postgresql@16}). */
    private DaemonSpec spec(Mapping entry, String key, int line) {
        String driverKey = key + ".driver";
        Field field = entry.field("driver")
                .orElseThrow(() -> fail(line, driverKey, "missing; name the driver that starts this daemon"));
        if (!(field.value() instanceof Scalar name && name.kind() == Kind.STRING)) {
            throw fail(field.line(), driverKey, "must be a driver name, not " + field.value().describe());
        }
        DaemonSpec spec;
        try {
            spec = DaemonSpec.parse(name.text());
        } catch (InvalidRequestException e) {
            throw fail(field.line(), driverKey, e.getMessage());
        }
        if (registry.find(spec.driver()).isEmpty()) {
            throw fail(field.line(), driverKey, "unknown driver '" + spec.driver() + "'"
                    + registry.closestName(spec.driver()).map(closest -> "; did you mean '" + closest + "'?")
                    .orElse("; 'pifpaf list-drivers' lists the drivers"));
        }
        return spec;
    }

    private String prefix(Mapping entry, String key, int line, String name) {
        Optional<Field> given = entry.field("prefix");
        String prefix = name.toUpperCase(Locale.ROOT).replace('-', '_');
        if (given.isPresent()) {
            Field field = given.get();
            if (!(field.value() instanceof Scalar value && value.kind() == Kind.STRING)) {
                throw fail(field.line(), key + ".prefix", "must be a variable name, not " + field.value().describe());
            }
            if (!VARIABLE.matcher(value.text()).matches()) {
                throw fail(field.line(), key + ".prefix", "'" + value.text()
                        + "' is not a variable name: letters, digits and '_', not starting with a digit");
            }
            prefix = value.text();
        }
        String owner = prefixOwners.putIfAbsent(prefix, name);
        if (owner != null) {
            throw given.isPresent()
                    ? fail(given.get().line(), key + ".prefix", "prefix " + prefix + " is also the prefix of daemon "
                            + owner + "; give one of them another prefix")
                    : fail(line, key, "the default prefix " + prefix + " is also the prefix of daemon " + owner
                            + "; give one of them another prefix");
        }
        return prefix;
    }

    private Map<String, String> options(Mapping entry, String key, String name, DaemonDriver driver) {
        Optional<Field> given = entry.field("options");
        if (given.isEmpty()) {
            return Map.of();
        }
        String optionsKey = key + ".options";
        if (!(given.get().value() instanceof Mapping options)) {
            throw fail(given.get().line(), optionsKey,
                    "must be a mapping from option names to values, not " + given.get().value().describe());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> writtenAs = new HashMap<>();
        for (Field field : options.fields()) {
            String optionKey = optionsKey + "." + field.key();
            DriverOption option = OptionValues.declared(driver, field.key())
                    .orElseThrow(() -> fail(field.line(), optionKey, OptionValues.unknownOption(driver, field.key())));
            String earlier = writtenAs.putIfAbsent(option.name(), field.key());
            if (earlier != null) {
                throw fail(field.line(), optionKey, "the same option as '" + earlier + "' above");
            }
            values.put(option.name(), value(field, optionKey, name, option));
        }
        return values;
    }

    private String value(Field field, String optionKey, String self, DriverOption option) {
        if (!(field.value() instanceof Scalar scalar)) {
            throw fail(field.line(), optionKey, "must be a single value, not " + field.value().describe());
        }
        if (scalar.kind() == Kind.NULL) {
            throw fail(field.line(), optionKey, "needs a value; write \"\" for empty text");
        }
        ValueTemplate template;
        try {
            template = ValueTemplate.parse(scalar.text());
        } catch (IllegalArgumentException e) {
            throw fail(field.line(), optionKey, e.getMessage());
        }
        for (ValueTemplate.Reference reference : template.references()) {
            checkReference(reference, field.line(), optionKey, self);
        }
        if (!template.isLiteral() || option.type() == DriverOption.Type.STRING) {
            return scalar.text();
        }
        try {
            return OptionText.normalized(option, template.literal());
        } catch (IllegalArgumentException e) {
            throw fail(field.line(), optionKey, e.getMessage());
        }
    }

    private void checkReference(ValueTemplate.Reference reference, int line, String optionKey, String self) {
        String daemon = reference.daemon();
        if (daemon.equals(self)) {
            throw fail(line, optionKey, reference + " refers to this daemon itself");
        }
        if (!names.contains(daemon)) {
            List<String> others = names.stream().filter(name -> !name.equals(self)).toList();
            throw fail(line, optionKey, reference + " refers to unknown daemon '" + daemon + "'"
                    + closest(daemon, others).map(closest -> "; did you mean '" + closest + "'?")
                            .orElse(others.isEmpty() ? "" : "; the other daemons are " + String.join(", ", others)));
        }
    }

    private void rejectUnknownKeys(Mapping mapping, String path, List<String> known, String hint) {
        for (Field field : mapping.fields()) {
            if (!known.contains(field.key())) {
                throw fail(field.line(), path.isEmpty() ? field.key() : path + "." + field.key(),
                        "unknown key" + closest(field.key(), known).map(closest -> "; did you mean '" + closest + "'?")
                                .orElse("; " + hint));
            }
        }
    }

    /** The candidate closest to {@code word}, if one is close enough to be a typo of it. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> EditDistance.between(candidate, word) <= Math.max(1, word.length() / 3))
                .min(Comparator.comparingInt(candidate -> EditDistance.between(candidate, word)));
    }

    private StackFileException fail(int line, String key, String problem) {
        return new StackFileException(file, line, key, problem);
    }
}
