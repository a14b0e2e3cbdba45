package org.pifpaf.driver.mongodb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts {@code mongod} on 127.0.0.1 with its files in the data directory, its arguments chosen
 * by the version it reports. See the module documentation for options and variables.
 */
public final class MongodbDriver implements DaemonDriver {

    /** MongoDB's own packages: Debian and Homebrew's core no longer carry it. */
    static final Binary MONGOD = Binary.named("mongod").in("/usr/local/bin", "/opt/homebrew/bin")
            .brew("mongodb/brew/mongodb-community")
            .orInstall("'apt-get install mongodb-org' from MongoDB's apt repository");
    private static final Pattern VERSION = Pattern.compile("db version v(\\d+)\\.(\\d+)");

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public String description() {
        return "MongoDB server (mongod), without authentication";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 29000, "TCP port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(MONGOD);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        Path mongod = ctx.executable(MONGOD);
        int[] version = version(ctx.run(Command.of(mongod, "--version").label("mongod-version")));
        // 4.4 logs JSON lines, and its options and messages changed with that.
        boolean textLog = version[0] < 4 || version[0] == 4 && version[1] < 4;
        // Journaling can no longer be turned off from 6.1 on: the option is gone.
        boolean journalOptional = version[0] < 6 || version[0] == 6 && version[1] < 1;
        Path db = Files.createDirectory(ctx.dataDir().resolve("db"));

        List<String> args = new ArrayList<>();
        if (journalOptional) {
            args.add("--nojournal"); // the data is thrown away: no need to make it durable
        }
        // Its Unix socket would be /tmp/mongodb-<port>.sock, outside the data directory.
        args.addAll(List.of("--quiet", "--noauth", "--port", Integer.toString(port), "--dbpath", db.toString(),
                "--bind_ip", "127.0.0.1", "--unixSocketPrefix", ctx.dataDir().toString()));
        Ready ready;
        if (textLog) {
            args.addAll(List.of("--config", "/dev/null"));
            // As the original: a build without WiredTiger (32-bit 3.x) needs MMAPv1 named.
            String help = ctx.run(Command.of(mongod, "--help").label("mongod-help"));
            if (!help.contains("WiredTiger options:") && help.contains("--storageEngine")) {
                args.addAll(List.of("--storageEngine", "mmapv1"));
            }
            ready = Ready.logLine("waiting for connections on port " + port + "\\b");
        } else {
            // The JSON line once it listens; the port, that it does so on 127.0.0.1.
            ready = Ready.allOf(Ready.logLine("\"msg\":\"Waiting for connections\".*\"port\":" + port + "\\b"),
                    Ready.tcpPort(port));
        }
        // The data is thrown away: no need for its orderly shutdown.
        ctx.launch(Command.of(mongod).args(args).stopSignal(Signal.KILL), ready);

        ctx.export("MONGODB_PORT", Integer.toString(port));
        ctx.url("mongodb://localhost:" + port + "/test");
    }

    /** Major and minor version from {@code mongod --version} ("db version v7.0.14"). */
    static int[] version(String output) {
        Matcher match = VERSION.matcher(output);
        if (!match.find()) {
            throw new DriverException("cannot tell the version of mongod from its --version: "
                    + output.lines().findFirst().orElse("(nothing)"));
        }
        return new int[] {Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2))};
    }
}
