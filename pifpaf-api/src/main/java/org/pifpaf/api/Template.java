package org.pifpaf.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A directory tree that is slow to create but identical for every start with the same inputs,
 * such as a database cluster made by {@code initdb}. A driver hands one to
 * {@link DriverContext#createFromTemplate(Template, Path)}: the runtime runs the creator once per
 * key into its cache and then copies the cached tree into each new data directory.
 *
 * <p>The key must name everything the tree depends on: the binaries that create it
 * ({@link #keyedByBinary(Path)}) and every argument that changes its content
 * ({@link #keyedBy(String...)}). The runtime adds the user the creator runs as.
 *
 * <pre>{@code
 * ctx.createFromTemplate(Template.named("cluster")
 *         .keyedByBinary(initdb)
 *         .keyedBy("-E", "UTF8", "-U", ctx.invokingUser())
 *         .createdBy(dir -> ctx.run(Command.of(initdb, "-D", dir.toString(), ...))),
 *     ctx.dataDir().resolve("pgdata"));
 * }</pre>
 */
public final class Template {

    private final String name;
    private final List<String> keyParts;
    private final List<Path> keyBinaries;
    private final Creator creator;

    private Template(String name, List<String> keyParts, List<Path> keyBinaries, Creator creator) {
        this.name = name;
        this.keyParts = List.copyOf(keyParts);
        this.keyBinaries = List.copyOf(keyBinaries);
        this.creator = creator;
    }

    /**
     * A template called {@code name} (letters, digits, {@code -} and {@code _}), unique within the
     * driver; it names the cache entry.
     */
    public static Template named(String name) {
        if (!Objects.requireNonNull(name, "name").matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a template name is letters, digits, '-' or '_': " + name);
        }
        return new Template(name, List.of(), List.of(), null);
    }

    /** Adds values the tree's content depends on, e.g. the creator's arguments. */
    public Template keyedBy(String... parts) {
        List<String> all = new ArrayList<>(keyParts);
        for (String part : parts) {
            all.add(Objects.requireNonNull(part, "key part"));
        }
        return new Template(name, all, keyBinaries, creator);
    }

    /**
     * Adds a binary the tree depends on: the runtime keys on its real path, size and modification
     * time, so an upgrade of the binary creates a new entry.
     */
    public Template keyedByBinary(Path executable) {
        List<Path> all = new ArrayList<>(keyBinaries);
        all.add(Objects.requireNonNull(executable, "executable"));
        return new Template(name, keyParts, all, creator);
    }

    /** Sets what creates the tree. */
    public Template createdBy(Creator value) {
        return new Template(name, keyParts, keyBinaries, Objects.requireNonNull(value, "creator"));
    }

    /** The template's name. */
    public String name() {
        return name;
    }

    /** The values added with {@link #keyedBy(String...)}, in order. */
    public List<String> keyParts() {
        return keyParts;
    }

    /** The binaries added with {@link #keyedByBinary(Path)}, in order. */
    public List<Path> keyBinaries() {
        return keyBinaries;
    }

    /** What creates the tree. @throws IllegalStateException if {@link #createdBy} was not called */
    public Creator creator() {
        if (creator == null) {
            throw new IllegalStateException("template " + name + " has no creator (call createdBy)");
        }
        return creator;
    }

    /** Creates the tree of a {@link Template}. */
    @FunctionalInterface
    public interface Creator {
        /**
         * Creates the tree at {@code directory}, which does not exist yet; its parent does. It
         * may run commands through the {@link DriverContext}. The result must not contain
         * absolute paths of {@code directory}: the tree is copied elsewhere.
         *
         * @throws Exception when the tree cannot be created; the start fails
         */
        void create(Path directory) throws Exception;
    }
}
