package org.pifpaf.driver.aodh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Starts Aodh, OpenStack's alarming service: its database in a PostgreSQL of its own (or
 * {@code --database-url}), a Gnocchi for the metrics its alarms watch, then {@code aodh-api} and
 * {@code aodh-evaluator}. See the module documentation for options and variables.
 */
public final class AodhDriver implements DaemonDriver {

    /** The one that tells Aodh's version; an empty configuration keeps /etc/aodh's out of it. */
    private static final Binary DBSYNC = Binary.named("aodh-dbsync")
            .versionArgs("--config-file", "/dev/null", "--version").debian("aodh-common");
    /** Its {@code --version} would be an error: it takes server options, then Aodh's after {@code --}. */
    private static final Binary API = Binary.named("aodh-api").noVersion().debian("aodh-api");
    private static final Binary EVALUATOR = Binary.named("aodh-evaluator").noVersion().debian("aodh-evaluator");

    @Override
    public String name() {
        return "aodh";
    }

    @Override
    public String description() {
        return "Aodh alarming service: API and evaluator, over a Gnocchi and a PostgreSQL of its own";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 8042, "API port"),
                DriverOption.string("database-url", null, "Aodh's database URL (default: a PostgreSQL of its own)"),
                DriverOption.port("database-port", 8050, "port of the PostgreSQL started when there is no --database-url"),
                DriverOption.port("gnocchi-port", 8051, "port of the Gnocchi API"),
                DriverOption.port("gnocchi-indexer-port", 8052, "port of the Gnocchi indexer's PostgreSQL"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(API, EVALUATOR, DBSYNC);
    }

    @Override
    public List<NestedDriver> nestedDrivers() {
        return List.of(NestedDriver.named("gnocchi"), NestedDriver.named("postgresql").when("without --database-url"));
    }

    @Override
    public Duration startupTimeout() {
        // About a minute on a quiet machine of two cores: two PostgreSQL, a Gnocchi, then Aodh.
        return Duration.ofSeconds(180);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        String databaseUrl = ctx.option("database-url");
        if (databaseUrl != null && databaseUrl.isBlank()) {
            throw new DriverException("--database-url is empty: give Aodh's database URL, or leave the option out"
                    + " for a PostgreSQL of Aodh's own");
        }
        int port = ctx.port("port");
        Path dbsync = ctx.executable(DBSYNC);
        Path api = ctx.executable(API);
        Path evaluator = ctx.executable(EVALUATOR);

        // Aodh's database and its Gnocchi (which has a PostgreSQL of its own) do not need each other.
        // The database is ready first, by seconds: its PGHOST, PGPORT, ... are the ones Aodh exports.
        List<NestedRequest> requests = new ArrayList<>();
        if (databaseUrl == null) {
            requests.add(ctx.daemon("postgresql").option("port", ctx.intOption("database-port")));
        }
        requests.add(ctx.daemon("gnocchi").option("port", ctx.intOption("gnocchi-port"))
                .option("indexer-port", ctx.intOption("gnocchi-indexer-port")));
        List<NestedDaemon> started = ctx.startAll(requests);
        NestedDaemon gnocchi = started.get(started.size() - 1);
        if (databaseUrl == null) {
            databaseUrl = started.get(0).url();
        }

        Path dataDir = ctx.dataDir();
        // Named after the project, so that oslo.config also finds it as ~/aodh.conf (see service()).
        Path conf = Files.writeString(dataDir.resolve("aodh.conf"),
                AodhConfig.of(dataDir, databaseUrl, gnocchi.env("GNOCCHI_HTTP_URL")));
        Path confDir = Files.createDirectory(dataDir.resolve("aodh.conf.d"));
        ctx.run(service(Command.of(dbsync), conf, confDir));
        ctx.launchAll(List.of(
                // aodh-api takes its server's options, then Aodh's after "--".
                Launch.of(service(Command.of(api, "--host", "127.0.0.1", "--port", Integer.toString(port), "--"),
                        conf, confDir), Ready.logLine("Available at http://")),
                Launch.of(service(Command.of(evaluator), conf, confDir), Ready.logLine("initiating evaluation cycle"))));

        String httpUrl = "http://localhost:" + port;
        ctx.export("AODH_PORT", Integer.toString(port));
        ctx.export("AODH_GNOCCHI_USER", AodhConfig.GNOCCHI_USER);
        ctx.url("aodh://localhost:" + port);
        ctx.export("AODH_HTTP_URL", httpUrl);
        ctx.exportRaw("AODH_ENDPOINT", httpUrl);
    }

    /**
     * An Aodh program reading this configuration only. {@code --config-file} and
     * {@code --config-dir} replace the defaults oslo.config would look for in ~/.aodh, ~,
     * /etc/aodh and /etc; but the API's middleware (the packaged api-paste.ini's
     * {@code oslo_config_project = aodh}) reads the defaults again, and takes the first
     * {@code aodh.conf} and {@code aodh.conf.d} found, so HOME is the data directory, where ours
     * are found before /etc/aodh's. Stopped with SIGKILL: the data is thrown away.
     */
    private static Command service(Command program, Path conf, Path confDir) {
        return program.args("--config-file", conf.toString(), "--config-dir", confDir.toString())
                .env("HOME", conf.getParent().toString())
                .stopSignal(Signal.KILL);
    }
}
