package org.pifpaf.driver.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts a server of the Redis family (Redis, or its fork Valkey, whose configuration, command
 * line and log lines are Redis's) on 127.0.0.1 without persistence and, with
 * {@code --sentinel}, a sentinel watching it under the master name {@value #MASTER_NAME}. A
 * {@link Flavour} names the binaries, the URL scheme and the variables. See the module
 * documentation for options and variables.
 */
abstract class RedisFamilyDriver implements DaemonDriver {

    /** The master name the sentinel knows the server by (fixed, as in the original pifpaf). */
    static final String MASTER_NAME = "pifpaf";

    /**
     * What tells one member of the family from another.
     *
     * @param name     the driver's name, also the URL scheme and the variables' stem
     * @param product  the product's name, in descriptions and help
     * @param server   the server binary
     * @param sentinel the sentinel binary
     */
    record Flavour(String name, String product, Binary server, Binary sentinel) {
    }

    private final Flavour flavour;
    private final String stem;

    RedisFamilyDriver(Flavour flavour) {
        this.flavour = flavour;
        this.stem = flavour.name().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String name() {
        return flavour.name();
    }

    @Override
    public String description() {
        return flavour.product() + " without persistence, optionally watched by a sentinel";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 6379, flavour.product() + " server port"),
                DriverOption.flag("sentinel", "also start a sentinel (master name '" + MASTER_NAME + "')"),
                DriverOption.port("sentinel-port", 6380, "sentinel port"),
                DriverOption.string("password", "", "password of the server and the sentinel (empty: none)"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(flavour.server(), flavour.sentinel());
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void start(DriverContext ctx) throws IOException {
        int port = ctx.port("port");
        String password = Objects.requireNonNullElse(ctx.option("password"), "");

        // Protected mode is left on: it only turns away non-loopback clients, and the bind
        // address already keeps those out.
        RedisConfig server = new RedisConfig()
                .set("bind", "127.0.0.1")
                .set("port", Integer.toString(port))
                .set("dir", ctx.dataDir().toString())
                .set("daemonize", "no")
                .set("save", "")
                .set("appendonly", "no");
        if (!password.isEmpty()) {
            server.set("requirepass", password);
        }
        Path serverFile = write(ctx.dataDir().resolve(flavour.name() + ".conf"), server);
        // "eady": Redis has printed both "Ready" and "ready" over the versions. Stopped with
        // SIGKILL: without persistence there is nothing to save, and Redis only acts on SIGTERM
        // at its next timer tick (up to 100 ms later at the default hz).
        ctx.launch(Command.of(ctx.executable(flavour.server()), serverFile.toString()).stopSignal(Signal.KILL),
                Ready.logLine("eady to accept connections"));

        if (ctx.booleanOption("sentinel")) {
            startSentinel(ctx, port, password);
        }
        ctx.export(stem + "_PORT", Integer.toString(port));
        ctx.url(flavour.name() + "://" + (password.isEmpty() ? "" : ":" + UserInfo.encode(password) + "@")
                + "localhost:" + port);
    }

    private void startSentinel(DriverContext ctx, int serverPort, String password) throws IOException {
        int port = ctx.port("sentinel-port");
        RedisConfig sentinel = new RedisConfig()
                .set("bind", "127.0.0.1")
                .set("port", Integer.toString(port))
                .set("dir", ctx.dataDir().toString())
                .set("sentinel monitor " + MASTER_NAME, "127.0.0.1", Integer.toString(serverPort), "1");
        if (!password.isEmpty()) {
            sentinel.set("sentinel auth-pass " + MASTER_NAME, password)
                    .set("requirepass", password);
        }
        // A file of its own: the sentinel insists on one it can rewrite (it does so at once,
        // and Redis 7 writes auth-pass back unquoted; harmless, as it never reads it again).
        Path sentinelFile = write(ctx.dataDir().resolve(flavour.name() + "-sentinel.conf"), sentinel);
        ctx.launch(Command.of(ctx.executable(flavour.sentinel()), sentinelFile.toString())
                        .label(flavour.name() + "-sentinel")
                        .stopSignal(Signal.KILL),
                Ready.logLine("[#*] Sentinel (runid|ID) is"));
        ctx.export(stem + "_SENTINEL_PORT", Integer.toString(port));
    }

    private static Path write(Path file, RedisConfig config) throws IOException {
        return Files.writeString(file, config.toString());
    }
}
