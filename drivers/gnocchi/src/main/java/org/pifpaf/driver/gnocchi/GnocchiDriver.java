package org.pifpaf.driver.gnocchi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Launch;
import org.pifpaf.api.NestedDaemon;
import org.pifpaf.api.NestedDriver;
import org.pifpaf.api.NestedRequest;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts Gnocchi: its indexer in a PostgreSQL of its own (or {@code --indexer-url}), its measures
 * in the data directory (or {@code --storage-url}), then {@code gnocchi-metricd},
 * {@code gnocchi-statsd} and {@code gnocchi-api}. See the module documentation for options and
 * variables.
 */
public final class GnocchiDriver implements DaemonDriver {

    private static final Binary UPGRADE = Binary.named("gnocchi-upgrade").noVersion().debian("python3-gnocchi");
    private static final Binary METRICD = Binary.named("gnocchi-metricd").noVersion().debian("gnocchi-metricd");
    private static final Binary STATSD = Binary.named("gnocchi-statsd").noVersion().debian("gnocchi-statsd");
    /** The one that tells Gnocchi's version; an empty configuration keeps /etc/gnocchi's out of it. */
    private static final Binary API = Binary.named("gnocchi-api")
            .versionArgs("--config-file", "/dev/null", "--version").debian("gnocchi-api");
    /** gnocchi-api runs its HTTP server with uwsgi, found on PATH, and uwsgi's Python 3 plugin. */
    private static final Binary UWSGI = Binary.named("uwsgi").noVersion().debian("uwsgi-plugin-python3");
    /** The line each worker of the API prints once it has loaded Gnocchi. */
    private static final String API_LOADED = "WSGI app 0 \\(mountpoint=''\\) ready";
    private static final int STATSD_PORT_TRIES = 20;

    @Override
    public String name() {
        return "gnocchi";
    }

    @Override
    public String description() {
        return "Gnocchi time-series database: API, metricd and statsd, indexed in PostgreSQL";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 8041, "API port"),
                DriverOption.optionalPort("statsd-port", "statsd's UDP port (default: a free one)"),
                DriverOption.port("indexer-port", 9541, "port of the PostgreSQL started when there is no --indexer-url"),
                DriverOption.port("coordination-port", 9542, "port of the Redis started with --coordination-driver redis"),
                DriverOption.choice("coordination-driver", "default",
                        "coordination back end: Gnocchi's default (the indexer) or a Redis of its own", "default", "redis"),
                DriverOption.string("indexer-url", null, "the indexer's database URL (default: a PostgreSQL of its own)"),
                DriverOption.string("storage-url", null,
                        "where measures go: file:///dir, s3://key:secret@host:port, swift://user:key@host:port/auth/v1.0,"
                                + " ceph:///path/to/ceph.conf or redis://host:port (default: the data directory)"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(API, METRICD, STATSD, UPGRADE, UWSGI);
    }

    @Override
    public List<NestedDriver> nestedDrivers() {
        return List.of(NestedDriver.named("postgresql").when("without --indexer-url"),
                NestedDriver.named("redis").when("with --coordination-driver redis"));
    }

    @Override
    public Duration startupTimeout() {
        // About 30 s on a quiet machine, mostly Python loading Gnocchi in each of five processes.
        return Duration.ofSeconds(120);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        String indexerUrl = ctx.option("indexer-url");
        if (indexerUrl != null && indexerUrl.isBlank()) {
            throw new DriverException("--indexer-url is empty (gnocchi-upgrade would wait for it forever): give the"
                    + " indexer's database URL, or leave the option out for a PostgreSQL of Gnocchi's own");
        }
        Path dataDir = ctx.dataDir();
        // gnocchi-upgrade makes the directory; not the data directory itself, which holds logs too
        Storage storage = Storage.of(ctx.option("storage-url"), dataDir.resolve("storage"));
        int port = ctx.port("port");
        int statsdPort = statsdPort(ctx);
        Path upgrade = ctx.executable(UPGRADE);
        Path metricd = ctx.executable(METRICD);
        Path statsd = ctx.executable(STATSD);
        Path api = ctx.executable(API);
        ctx.executable(UWSGI); // run by gnocchi-api: a missing one is named before anything starts
        Path packageDir = PythonPackage.directory(ctx.run(PythonPackage.locator(api, "gnocchi")
                .env("HOME", dataDir.toString()))); // as the services will see it (see service())

        BackEnds backEnds = startBackEnds(ctx, indexerUrl);
        String statsdResourceId = UUID.randomUUID().toString();
        GnocchiConfig config = new GnocchiConfig(dataDir).api(port, packageDir).storage(storage).metricd()
                .statsd(statsdPort, statsdResourceId).indexer(backEnds.indexerUrl());
        if (backEnds.coordinationUrl() != null) {
            config.coordination(backEnds.coordinationUrl());
        }
        // Named after the project, so that oslo.config also finds it as ~/gnocchi.conf (see service()).
        Path conf = Files.writeString(dataDir.resolve("gnocchi.conf"), config.toString());
        Path confDir = Files.createDirectory(dataDir.resolve("gnocchi.conf.d"));

        ctx.run(service(upgrade, conf, confDir));
        // Independent of each other once the indexer and the storage are set up: loaded side by side.
        ctx.launchAll(List.of(
                Launch.of(service(metricd, conf, confDir), Ready.logLine("wait to be processed")),
                // The original also took "Resource ... already exists": its resource is new at every start.
                Launch.of(service(statsd, conf, confDir), Ready.logLine("Created resource ")),
                // Each of uwsgi's workers loads Gnocchi on its own; the first request waits for one that has.
                Launch.of(service(api, conf, confDir), Ready.allOf(Ready.logLine(API_LOADED),
                        Ready.http("http://127.0.0.1:" + port + "/", 200)))));

        String httpUrl = "http://localhost:" + port;
        ctx.export("GNOCCHI_PORT", Integer.toString(port));
        ctx.url("gnocchi://localhost:" + port);
        ctx.export("GNOCCHI_HTTP_URL", httpUrl);
        ctx.exportRaw("GNOCCHI_ENDPOINT", httpUrl);
        ctx.exportRaw("OS_AUTH_TYPE", "gnocchi-basic");
        ctx.exportRaw("GNOCCHI_STATSD_RESOURCE_ID", statsdResourceId);
        ctx.exportRaw("GNOCCHI_USER", GnocchiConfig.ADMIN);
        ctx.export("GNOCCHI_STATSD_PORT", Integer.toString(statsdPort));
    }

    /** The indexer's database and the coordination back end, {@code null} for Gnocchi's default. */
    private record BackEnds(String indexerUrl, String coordinationUrl) {
    }

    /**
     * The indexer's PostgreSQL, unless {@code indexerUrl} names a database, and the coordination
     * Redis, if asked for: side by side, as neither needs the other.
     */
    private static BackEnds startBackEnds(DriverContext ctx, String indexerUrl) {
        List<NestedRequest> requests = new ArrayList<>();
        if (indexerUrl == null) {
            requests.add(ctx.daemon("postgresql").option("port", ctx.intOption("indexer-port")));
        }
        boolean redis = "redis".equals(ctx.option("coordination-driver"));
        if (redis) {
            requests.add(ctx.daemon("redis").option("port", ctx.intOption("coordination-port")));
        }
        List<NestedDaemon> started = requests.isEmpty() ? List.of() : ctx.startAll(requests);
        return new BackEnds(indexerUrl != null ? indexerUrl : started.get(0).url(),
                redis ? started.get(started.size() - 1).url() : null);
    }

    /**
     * statsd's UDP port: the one asked for, if free; else a port claimed like any free port (a lock
     * on its number, which no other pifpaf start then takes, whether for TCP or UDP) that is free on
     * UDP too, where the claim's own check was TCP's.
     */
    private static int statsdPort(DriverContext ctx) {
        String asked = ctx.option("statsd-port");
        if (asked != null && !"0".equals(asked)) {
            int port = Integer.parseInt(asked);
            if (!UdpPort.bindable(port)) {
                throw new DriverException("statsd port " + port + " is already in use (UDP)");
            }
            return port;
        }
        for (int i = 0; i < STATSD_PORT_TRIES; i++) {
            int port = ctx.freePort();
            if (UdpPort.bindable(port)) {
                return port;
            }
        }
        throw new DriverException("no free UDP port for statsd after " + STATSD_PORT_TRIES + " tries");
    }

    /**
     * A Gnocchi program reading this configuration only. {@code --config-file} and
     * {@code --config-dir} replace the defaults oslo.config would look for in ~/.gnocchi, ~,
     * /etc/gnocchi and /etc; but the API's middleware (the packaged api-paste.ini's
     * {@code oslo_config_project = gnocchi}) reads the defaults again, and takes the first
     * {@code gnocchi.conf} and {@code gnocchi.conf.d} found, so HOME is the data directory, where
     * ours are found before /etc/gnocchi's. Stopped with SIGKILL: the data is thrown away, and
     * uwsgi's graceful stop takes seconds.
     */
    private static Command service(Path executable, Path conf, Path confDir) {
        return Command.of(executable, "--config-file", conf.toString(), "--config-dir", confDir.toString())
                .env("HOME", conf.getParent().toString())
                .stopSignal(Signal.KILL);
    }
}
