package org.pifpaf.driver.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/** Starts Redis on 127.0.0.1 without persistence, and optionally a sentinel watching it. */
public final class RedisDriver implements DaemonDriver {

    private static final Binary SERVER = Binary.named("redis-server").debian("redis-server").brew("redis");
    private static final Binary SENTINEL = Binary.named("redis-sentinel").debian("redis-sentinel").brew("redis");
    /** The master name the sentinel knows the server by. */
    static final String MASTER_NAME = "pifpaf";

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String description() {
        return "Redis without persistence, optionally with a sentinel";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 6379, "server port"),
                DriverOption.flag("sentinel", "also start a sentinel (master name 'pifpaf')"),
                DriverOption.port("sentinel-port", 6380, "sentinel port"),
                DriverOption.string("password", "", "password of the server and the sentinel"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(SERVER, SENTINEL);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void start(DriverContext context) {
        int port = context.port("port");
        String password = context.option("password");
        RedisConfig server = new RedisConfig()
                .set("bind", "127.0.0.1")
                .set("port", Integer.toString(port))
                .set("dir", context.dataDir().toString())
                .set("daemonize", "no")
                .set("save", "")
                .set("appendonly", "no");
        if (!password.isEmpty()) {
            server.set("requirepass", password);
        }
        Path serverConfig = write(context.dataDir().resolve("redis.conf"), server);
        context.launch(Command.of(context.executable(SERVER), serverConfig.toString()),
                Ready.logLine("eady to accept connections"));

        if (context.booleanOption("sentinel")) {
            int sentinelPort = context.port("sentinel-port");
            RedisConfig sentinel = new RedisConfig()
                    .set("bind", "127.0.0.1")
                    .set("port", Integer.toString(sentinelPort))
                    .set("dir", context.dataDir().toString())
                    .set("sentinel monitor " + MASTER_NAME, "127.0.0.1", Integer.toString(port), "1");
            if (!password.isEmpty()) {
                sentinel.set("sentinel auth-pass " + MASTER_NAME, password).set("requirepass", password);
            }
            // The sentinel rewrites its configuration file, so it gets one of its own.
            Path sentinelConfig = write(context.dataDir().resolve("redis-sentinel.conf"), sentinel);
            context.launch(Command.of(context.executable(SENTINEL), sentinelConfig.toString()).label("redis-sentinel"),
                    Ready.logLine("[#*] Sentinel (runid|ID) is"));
            context.export("REDIS_SENTINEL_PORT", Integer.toString(sentinelPort));
        }
        context.export("REDIS_PORT", Integer.toString(port));
        context.url("redis://" + (password.isEmpty() ? "" : ":" + UrlEncoding.encode(password) + "@")
                + "localhost:" + port);
    }

    private static Path write(Path file, RedisConfig config) {
        try {
            return Files.writeString(file, config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
