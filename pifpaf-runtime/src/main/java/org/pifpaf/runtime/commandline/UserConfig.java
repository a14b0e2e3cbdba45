package org.pifpaf.runtime.commandline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverOption;
import org.pifpaf.runtime.DataOnMemory;
import org.pifpaf.runtime.DriverDescriptor;
import org.pifpaf.runtime.DriverRegistry;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.InvalidRequestException;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.stack.OptionText;
import org.pifpaf.runtime.stack.YamlException;
import org.pifpaf.runtime.stack.YamlNode;
import org.pifpaf.runtime.stack.YamlNode.Field;
import org.pifpaf.runtime.stack.YamlNode.Mapping;
import org.pifpaf.runtime.stack.YamlNode.Scalar;
import org.pifpaf.runtime.stack.YamlTree;

/**
 * The user's settings for the command line, from {@code $XDG_CONFIG_HOME/pifpaf/config.yaml}
 * ({@code ~/.config/pifpaf/config.yaml}; {@code $PIFPAF_CONFIG} names another file):
 *
 * <pre>
 * run-as: daemon            # as root, the user for daemons that refuse root
 * timeout: 30               # start-up timeout in seconds
 * cache-dir: ~/.cache/pifpaf # where templates (initialised databases) are cached
 * data-on-memory: auto      # data directories on a tmpfs when one has room (true, false, auto)
 * provision: auto           # installed daemons, else fetched ones; or installed, provisioned
 * provision-dir: /var/cache/pifpaf/provisioned # where fetched daemons are kept
 * server-idle: 30m          # how long the pifpaf server waits for work before it exits
 * drivers:                  # default options per driver
 *   postgresql: { sync: true }
 * </pre>
 *
 * Every setting remembers the line it came from; mistakes are rejected naming the file, the
 * line and the key.
 *
 * @param file          the file read (it may not exist)
 * @param exists        whether it exists
 * @param runAs         the {@code run-as} setting, if any
 * @param timeout       the {@code timeout} setting in seconds, if any
 * @param cacheDir      the {@code cache-dir} setting, an absolute path with {@code ~} expanded, if any
 * @param dataOnMemory  the {@code data-on-memory} setting, {@code true}, {@code false} or {@code auto}, if any
 * @param driverOptions default options per driver, each with its line
 * @param provision     the {@code provision} setting ({@code auto}, {@code installed}, {@code provisioned}), if any
 * @param provisionDir  the {@code provision-dir} setting, an absolute path with {@code ~} expanded, if any
 * @param serverIdle    the {@code server-idle} setting, a duration ({@code 30m}, {@code 2h}, {@code 90s}), if any
 * @param environment   the environment it was read in, which wins over it
 */
public record UserConfig(Path file, boolean exists, Optional<Setting> runAs, Optional<Setting> timeout,
                         Optional<Setting> cacheDir, Optional<Setting> dataOnMemory,
                         Map<String, Map<String, Setting>> driverOptions, Optional<Setting> provision,
                         Optional<Setting> provisionDir, Optional<Setting> serverIdle, Environment environment) {

    private static final List<String> KEYS = List.of("run-as", "timeout", "cache-dir", "data-on-memory", "provision",
            "provision-dir", "server-idle", "drivers");

    /** A value and the line of the file it was read from. @param value the text @param line the line */
    public record Setting(String value, int line) {
    }

    /** The file to read: {@code $PIFPAF_CONFIG}, else {@code $XDG_CONFIG_HOME/pifpaf/config.yaml}, in {@code environment}. */
    public static Path defaultFile(Environment environment) {
        Optional<String> explicit = environment.nonBlank("PIFPAF_CONFIG");
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        Path base = environment.nonBlank("XDG_CONFIG_HOME").map(Path::of)
                .orElseGet(() -> environment.home().resolve(".config"));
        return base.resolve("pifpaf").resolve("config.yaml");
    }

    /**
     * Reads {@code file} in {@code environment} (which finds {@code ~}, and wins over the file);
     * a missing file is an empty configuration.
     *
     * @throws InvalidRequestException naming file, line and key, for any mistake
     */
    public static UserConfig load(Path file, DriverRegistry registry, Environment environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty(file, false, environment);
        } catch (IOException e) {
            throw error(file, 0, "", "cannot read: " + e.getMessage());
        }
        YamlNode root;
        try {
            Optional<YamlNode> read = YamlTree.read(text);
            if (read.isEmpty()) {
                return empty(file, true, environment);
            }
            root = read.get();
        } catch (YamlException e) {
            throw error(file, e.line(), e.path(), e.getMessage());
        }
        if (!(root instanceof Mapping top)) {
            throw error(file, root.line(), "", "the top level must be a mapping, not " + root.describe());
        }
        Optional<Setting> runAs = Optional.empty();
        Optional<Setting> timeout = Optional.empty();
        Optional<Setting> cacheDir = Optional.empty();
        Optional<Setting> provision = Optional.empty();
        Optional<Setting> provisionDir = Optional.empty();
        Optional<Setting> dataOnMemory = Optional.empty();
        Optional<Setting> serverIdle = Optional.empty();
        Map<String, Map<String, Setting>> drivers = new LinkedHashMap<>();
        for (Field field : top.fields()) {
            switch (field.key()) {
                case "run-as" -> runAs = Optional.of(new Setting(text(file, field, "run-as"), field.line()));
                case "timeout" -> timeout = Optional.of(new Setting(positive(file, field), field.line()));
                case "cache-dir" -> cacheDir = Optional.of(new Setting(directory(file, field, environment), field.line()));
                case "data-on-memory" -> dataOnMemory = Optional.of(new Setting(memory(file, field), field.line()));
                case "provision" -> provision = Optional.of(new Setting(mode(file, field), field.line()));
                case "provision-dir" -> provisionDir = Optional.of(new Setting(directory(file, field, environment),
                        field.line()));
                case "server-idle" -> serverIdle = Optional.of(new Setting(duration(file, field), field.line()));
                case "drivers" -> drivers = drivers(file, field, registry);
                default -> throw error(file, field.line(), field.key(), "unknown setting; the settings are " + KEYS);
            }
        }
        return new UserConfig(file, true, runAs, timeout, cacheDir, dataOnMemory, drivers, provision, provisionDir,
                serverIdle, environment);
    }

    private static UserConfig empty(Path file, boolean exists, Environment environment) {
        return new UserConfig(file, exists, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), environment);
    }

    private static String duration(Path file, Field field) {
        String text = field.value() instanceof Scalar scalar ? scalar.text() : "";
        try {
            DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(file, field.line(), field.key(), e.getMessage());
        }
        return text;
    }

    private static String mode(Path file, Field field) {
        String text = text(file, field, "provision");
        try {
            return ProvisionMode.parse(text).word();
        } catch (InvalidRequestException e) {
            throw error(file, field.line(), "provision", "must be auto, installed or provisioned, not " + text);
        }
    }

    /**
     * Where templates are cached, and what says so: {@code $PIFPAF_CACHE_DIR}, else this file's
     * {@code cache-dir}, else the default ({@code $XDG_CACHE_HOME/pifpaf} or {@code ~/.cache/pifpaf}).
     *
     * @param path   the directory
     * @param source where the setting comes from, for {@code pifpaf config}
     */
    public record CacheDir(Path path, String source) {
    }

    /** The effective template cache directory; see {@link CacheDir}. */
    public CacheDir effectiveCacheDir() {
        return effective(file, cacheDir, environment);
    }

    /**
     * The effective cache directory that {@link #effectiveCacheDir()} would give, looking only at
     * the environment and the {@code cache-dir} setting of {@code file}: the driver index lives
     * there and is needed before the drivers, which the rest of the file refers to, are known.
     * Empty when the file cannot be read or that setting is wrong ({@link #load} says why).
     */
    public static Optional<CacheDir> cacheDirOf(Path file, Environment environment) {
        if (environment.nonBlank(TemplateCache.DIRECTORY_VARIABLE).isPresent() || !Files.exists(file)) {
            return Optional.of(effective(file, Optional.empty(), environment));
        }
        try {
            Optional<YamlNode> root = YamlTree.read(Files.readString(file, StandardCharsets.UTF_8));
            if (root.isPresent() && !(root.get() instanceof Mapping)) {
                return Optional.empty();
            }
            Optional<Field> field = root.flatMap(node -> ((Mapping) node).field("cache-dir"));
            return Optional.of(effective(file, field.map(f -> new Setting(directory(file, f, environment), f.line())),
                    environment));
        } catch (IOException | YamlException | InvalidRequestException e) {
            return Optional.empty();
        }
    }

    private static CacheDir effective(Path file, Optional<Setting> cacheDir, Environment environment) {
        Optional<String> explicit = environment.nonBlank(TemplateCache.DIRECTORY_VARIABLE);
        if (explicit.isPresent()) {
            return new CacheDir(Path.of(explicit.get()), "environment (" + TemplateCache.DIRECTORY_VARIABLE + ")");
        }
        return cacheDir.map(setting -> new CacheDir(Path.of(setting.value()), file + ":" + setting.line()))
                .orElseGet(() -> new CacheDir(TemplateCache.defaultRoot(environment), "default"));
    }

    /** The configured default options of {@code driver}, as text. */
    public Map<String, String> optionsOf(String driver) {
        Map<String, String> options = new LinkedHashMap<>();
        driverOptions.getOrDefault(driver, Map.of()).forEach((name, setting) -> options.put(name, setting.value()));
        return options;
    }

    private static Map<String, Map<String, Setting>> drivers(Path file, Field field, DriverRegistry registry) {
        if (!(field.value() instanceof Mapping mapping)) {
            throw error(file, field.line(), "drivers", "must map driver names to their options, not " + field.value().describe());
        }
        Map<String, Map<String, Setting>> drivers = new LinkedHashMap<>();
        for (Field entry : mapping.fields()) {
            String key = "drivers." + entry.key();
            DaemonDriver driver = registry.find(entry.key()).map(DriverDescriptor::driver).orElseThrow(() -> error(file,
                    entry.line(), key, "unknown driver" + registry.closestName(entry.key())
                            .map(n -> "; did you mean '" + n + "'?").orElse("")));
            if (!(entry.value() instanceof Mapping options)) {
                throw error(file, entry.line(), key, "must map option names to values, not " + entry.value().describe());
            }
            Map<String, Setting> values = new LinkedHashMap<>();
            for (Field option : options.fields()) {
                String optionKey = key + "." + option.key();
                DriverOption declared = driver.options().stream()
                        .filter(o -> o.name().equals(option.key()) || o.name().replace('_', '-').equals(option.key()))
                        .findFirst().orElseThrow(() -> error(file, option.line(), optionKey, "unknown option of " + entry.key()));
                if (!(option.value() instanceof Scalar scalar) || scalar.kind() == YamlNode.Kind.NULL) {
                    throw error(file, option.line(), optionKey, "must be a single value, not " + option.value().describe());
                }
                try {
                    values.put(declared.name(), new Setting(OptionText.normalized(declared, scalar.text()), option.line()));
                } catch (IllegalArgumentException e) {
                    throw error(file, option.line(), optionKey, e.getMessage());
                }
            }
            drivers.put(entry.key(), values);
        }
        return drivers;
    }

    private static String text(Path file, Field field, String key) {
        if (!(field.value() instanceof Scalar scalar) || scalar.kind() != YamlNode.Kind.STRING || scalar.text().isBlank()) {
            throw error(file, field.line(), key, "must be a name, not " + field.value().describe());
        }
        return scalar.text();
    }

    private static String directory(Path file, Field field, Environment environment) {
        String text = text(file, field, field.key());
        if (text.equals("~") || text.startsWith("~/")) {
            text = environment.home() + text.substring(1);
        }
        if (!Path.of(text).isAbsolute()) {
            throw error(file, field.line(), field.key(), "must be an absolute path (or start with ~/), not " + text);
        }
        return Path.of(text).normalize().toString();
    }

    /** {@code true}, {@code false} or {@code auto}, as {@link DataOnMemory#word()} writes them. */
    private static String memory(Path file, Field field) {
        if (field.value() instanceof Scalar scalar && (scalar.kind() == YamlNode.Kind.BOOLEAN
                || scalar.kind() == YamlNode.Kind.STRING && scalar.text().equals("auto"))) {
            return DataOnMemory.parse(scalar.text()).word();
        }
        throw error(file, field.line(), field.key(), "must be true, false or auto, not " + field.value().describe());
    }

    private static String positive(Path file, Field field) {
        if (field.value() instanceof Scalar scalar && scalar.kind() == YamlNode.Kind.NUMBER
                && scalar.text().matches("[1-9][0-9]{0,5}")) {
            return scalar.text();
        }
        throw error(file, field.line(), "timeout", "must be a whole number of seconds above 0");
    }

    private static InvalidRequestException error(Path file, int line, String key, String problem) {
        return new InvalidRequestException(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}
