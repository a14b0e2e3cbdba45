package org.pifpaf.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pifpaf.runtime.cache.TemplateCache;
import org.pifpaf.runtime.provision.spi.TransferProgress;

/**
 * What to start and how: the driver (and the daemon version asked for), its option values, the
 * variable prefix, the start-up timeout, whether to keep the data, whom to run root-refusing
 * daemons as, where templates are cached, whether installed or provisioned binaries are used,
 * and the environment all of it is looked up in and the daemons run with.
 *
 * <pre>{@code
 * StartRequest.builder("redis").option("port", "0").prefix("CACHE").build()
 * StartRequest.builder("postgresql@16").provisioning(ProvisionMode.PROVISIONED).build()
 * }</pre>
 */
public final class StartRequest {

    /** The default variable prefix. */
    public static final String DEFAULT_PREFIX = "PIFPAF";
    /** The default unprivileged user for daemons that refuse root. */
    public static final String DEFAULT_RUN_AS = "nobody";

    /** This request's settings: a copy of the builder's, never changed after {@link Builder#build()}. */
    private final RequestSettings settings;
    /** The settings the environment gives where the builder left them unset, decided once. */
    private final String runAs;
    private final DataOnMemory dataOnMemory;
    private final Path tmpDir;

    private StartRequest(RequestSettings asSet) {
        this.settings = asSet.copy();
        this.runAs = settings.resolvedRunAs();
        this.dataOnMemory = settings.resolvedDataOnMemory();
        this.tmpDir = settings.resolvedTmpDir(dataOnMemory);
    }

    /**
     * A builder for starting {@code driver}, which may ask for a version: {@code postgresql@16}.
     *
     * @throws InvalidRequestException when the version part is malformed
     */
    public static Builder builder(String driver) {
        return new Builder(new RequestSettings(DaemonSpec.parse(Objects.requireNonNull(driver, "driver"))));
    }

    /** A builder holding every setting of this request, to change some. */
    public Builder toBuilder() {
        RequestSettings copy = settings.copy();
        copy.tmpDir = tmpDir;
        return new Builder(copy);
    }

    /** The driver's name (without the version). */
    public String driver() {
        return settings.spec.driver();
    }

    /** The daemon version asked for ({@code driver@version}), if any. */
    public Optional<String> version() {
        return Optional.ofNullable(settings.spec.version());
    }

    /** Whether installed or provisioned binaries are used ({@code $PIFPAF_PROVISION}, else {@code auto}, unless set). */
    public ProvisionMode provisioning() {
        return settings.resolvedProvisioning();
    }

    /** Where provisioned trees are kept, or {@code null} for the default. */
    public Path provisionDir() {
        return settings.provisionDir;
    }

    /** Who hears how a download goes. */
    public TransferProgress transferProgress() {
        return settings.transferProgress;
    }

    /** Option values by option name (without dashes), as text. */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(settings.options);
    }

    /** The variable prefix, e.g. {@code PIFPAF}. */
    public String prefix() {
        return settings.prefix;
    }

    /** The start-up timeout, or empty for the driver's default. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(settings.timeout);
    }

    /** Whether the data directory survives the stop. */
    public boolean keepData() {
        return settings.keepData;
    }

    /** The user root-refusing daemons run as when pifpaf is root. */
    public String runAs() {
        return runAs;
    }

    /** Whether daemon output is also echoed to the log at debug level as it arrives. */
    public boolean echoOutput() {
        return settings.echoOutput;
    }

    /**
     * The directory the data directory is created in: the one set, or {@code $TMPDIR}; on memory
     * (see {@link #dataOnMemory()}), a memory file system with room, when there is one.
     */
    public Path tmpDir() {
        return tmpDir;
    }

    /** Whether data directories go to a memory file system, as asked (see {@link #tmpDir()} for where they go). */
    public DataOnMemory dataOnMemory() {
        return dataOnMemory;
    }

    /** Who hears what the start waits for. */
    public StartProgress progress() {
        return settings.progress;
    }

    /**
     * Where templates (e.g. an initialised PostgreSQL cluster) are cached: the directory set, else
     * {@link TemplateCache#defaultRoot()}; empty when caching is off and every start creates them.
     */
    public Optional<Path> cacheDir() {
        return settings.resolvedCacheDir();
    }

    /**
     * The environment the start looks things up in ({@code PATH}, {@code TMPDIR}, {@code HOME},
     * pifpaf's own variables) and its processes run with, plus what the driver exports.
     */
    public Environment environment() {
        return settings.environment;
    }

    /** Directories searched for the driver's binaries before anywhere else (see the builder); usually none. */
    public List<Path> binaryDirectories() {
        return Collections.unmodifiableList(settings.binaryDirectories);
    }

    /** Whether the template cache's background work is done by processes this one is not held by (see the builder). */
    public boolean detachBackgroundWork() {
        return settings.detachBackgroundWork;
    }

    /** Builds a {@link StartRequest}; every setting has a default. */
    public static final class Builder {
        private final RequestSettings settings;

        private Builder(RequestSettings settings) {
            this.settings = settings;
        }

        /** Uses installed or provisioned binaries as {@code mode} says ({@code null}: {@code $PIFPAF_PROVISION}, else auto). */
        public Builder provisioning(ProvisionMode mode) {
            settings.provisioning = mode;
            return this;
        }

        /** Keeps provisioned trees in {@code dir} ({@code null}: the default). */
        public Builder provisionDir(Path dir) {
            settings.provisionDir = dir;
            return this;
        }

        /** Tells {@code listener} how downloads go (default: one log line each). */
        public Builder transferProgress(TransferProgress listener) {
            settings.transferProgress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sets one option (name without dashes). */
        public Builder option(String name, String value) {
            settings.options.put(name, value);
            return this;
        }

        /** Sets several options. */
        public Builder options(Map<String, String> values) {
            settings.options.putAll(values);
            return this;
        }

        /** Sets the variable prefix. */
        public Builder prefix(String value) {
            settings.prefix = Objects.requireNonNull(value, "prefix");
            return this;
        }

        /** Sets the start-up timeout ({@code null}: the driver's default). */
        public Builder timeout(Duration value) {
            settings.timeout = value;
            return this;
        }

        /** Keeps the data directory after the stop. */
        public Builder keepData(boolean value) {
            settings.keepData = value;
            return this;
        }

        /** Sets the user root-refusing daemons run as. */
        public Builder runAs(String user) {
            settings.runAs = Objects.requireNonNull(user, "user");
            return this;
        }

        /** Echoes daemon output to the debug log. */
        public Builder echoOutput(boolean value) {
            settings.echoOutput = value;
            return this;
        }

        /**
         * Sets the directory the data directory is created in (default: the environment's
         * {@code TMPDIR}); memory then only if asked for ({@link DataOnMemory#YES}).
         */
        public Builder tmpDir(Path value) {
            settings.tmpDir = Objects.requireNonNull(value, "tmpDir");
            return this;
        }

        /**
         * Looks the start up in {@code variables} and runs its processes with them (plus the
         * driver's exports), instead of this process's environment: {@code PATH} finds binaries,
         * {@code TMPDIR} holds the data directory, {@code HOME} and {@code XDG_*} the caches,
         * {@code PIFPAF_*} give defaults. For a process that starts daemons for others (the
         * pifpaf server, for its clients).
         */
        public Builder environment(Map<String, String> variables) {
            return environment(Environment.of(variables));
        }

        /** {@link #environment(Map)}, from an environment already made. */
        public Builder environment(Environment value) {
            settings.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * Puts the data directory on a memory file system ({@code $XDG_RUNTIME_DIR} or
         * {@code /dev/shm}, a tmpfs with a GiB free), or not: see {@link DataOnMemory}. Default:
         * {@code $PIFPAF_DATA_ON_MEMORY}, else {@link DataOnMemory#NO}.
         */
        public Builder dataOnMemory(DataOnMemory value) {
            settings.dataOnMemory = Objects.requireNonNull(value, "value");
            return this;
        }

        /** {@link DataOnMemory#YES} or {@link DataOnMemory#NO}. */
        public Builder dataOnMemory(boolean value) {
            return dataOnMemory(value ? DataOnMemory.YES : DataOnMemory.NO);
        }

        /** Tells {@code listener} what the start waits for. */
        public Builder progress(StartProgress listener) {
            settings.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Caches templates in {@code dir} ({@code null}: the default directory). */
        public Builder cacheDir(Path dir) {
            settings.cacheDir = dir;
            return this;
        }

        /** Turns the template cache on (the default) or off: off, every start creates its templates. */
        public Builder cache(boolean enabled) {
            settings.cacheEnabled = enabled;
            return this;
        }

        /**
         * Whether the work this start leaves to the template cache in the background (a spare
         * copy for the next start once the daemon is ready, the removal of the tree it used once
         * it stopped) is done by detached processes, which this process neither waits for nor is
         * held by at exit. For a process that exits soon after its daemon stops (the command
         * line): it would otherwise wait for a copy that costs it more than it saves. The default,
         * attached, suits a JVM that starts daemons again and again (a test suite), which can wait
         * for that work (before deleting a cache directory of its own).
         */
        public Builder detachBackgroundWork(boolean detach) {
            settings.detachBackgroundWork = detach;
            return this;
        }

        /**
         * Looks for the driver's binaries in {@code dir} before its own directories and
         * {@code PATH}: for a test that hands a driver stand-ins of its daemon (a contract test's
         * fake executables), which the test's JVM cannot put on its own {@code PATH}. Nested
         * daemons look there too. Each call adds a directory, searched in order.
         */
        public Builder binaryDirectory(Path dir) {
            settings.binaryDirectories.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** The request. */
        public StartRequest build() {
            return new StartRequest(settings);
        }
    }
}
