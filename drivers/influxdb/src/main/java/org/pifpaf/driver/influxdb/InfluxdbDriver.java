package org.pifpaf.driver.influxdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;

/**
 * Starts a throw-away InfluxDB 1.x on 127.0.0.1 and creates a database in it. See the module
 * documentation for options and variables.
 */
public final class InfluxdbDriver implements DaemonDriver {

    static final Binary INFLUXD = Binary.named("influxd").in("/opt/influxdb").versionArgs("version")
            .debian("influxdb").brew("influxdb@1");
    static final Binary INFLUX = Binary.named("influx").in("/opt/influxdb").versionArgs("-version")
            .debian("influxdb-client").brew("influxdb@1");

    @Override
    public String name() {
        return "influxdb";
    }

    @Override
    public String description() {
        return "InfluxDB 1.x on the loopback interface, with a fresh database";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 51234, "HTTP API port"),
                DriverOption.string("database", "test", "database created at start"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(INFLUXD, INFLUX);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        Path dir = ctx.dataDir();
        int port = ctx.port("port");
        String database = ctx.option("database");
        Path config = dir.resolve("influxdb.conf");
        Files.writeString(config, InfluxdbConfig.render(dir, port, ctx.freePort()));

        // influxd logs this once every service, the HTTP one included, is open.
        ctx.launch(Command.of(ctx.executable(INFLUXD), "run", "-config", config.toString()),
                Ready.logLine("Listening for signals"));
        // HOME in the data directory: the client never reads or writes the user's own files.
        ctx.run(Command.of(ctx.executable(INFLUX), "-host", "127.0.0.1", "-port", Integer.toString(port),
                "-execute", "CREATE DATABASE " + identifier(database)).env("HOME", dir.toString()));

        ctx.export("INFLUXDB_PORT", Integer.toString(port));
        ctx.export("INFLUXDB_DATABASE", database);
        ctx.url("influxdb://localhost:" + port + "/" + database);
    }

    /** An InfluxQL quoted identifier, so that any database name works. */
    static String identifier(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
