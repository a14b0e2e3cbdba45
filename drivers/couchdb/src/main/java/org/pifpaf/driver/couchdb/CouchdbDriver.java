package org.pifpaf.driver.couchdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts Apache CouchDB on 127.0.0.1: a CouchDB 2 or later release as a single node with an
 * admin, or CouchDB 1.x as the original did. See the module documentation for options and
 * variables.
 */
public final class CouchdbDriver implements DaemonDriver {

    /**
     * The vendor's package installs the release in /opt/couchdb. No version: the release's script
     * hands any argument to the Erlang runtime, which would start the server.
     */
    static final Binary COUCHDB = Binary.named("couchdb").in("/opt/couchdb/bin").noVersion().brew("couchdb")
            .orInstall("'apt-get install couchdb' from Apache CouchDB's apt repository");

    @Override
    public String name() {
        return "couchdb";
    }

    @Override
    public String description() {
        return "Apache CouchDB (2 and later as a single node with an admin, or 1.x)";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 5984, "HTTP port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(COUCHDB);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        Path couchdb = ctx.executable(COUCHDB);
        Files.createDirectory(ctx.dataDir().resolve("db"));
        Optional<CouchdbRelease> release = CouchdbRelease.of(couchdb);
        if (release.isPresent()) {
            startRelease(ctx, couchdb, release.get(), port);
        } else {
            startOneDotX(ctx, couchdb, port);
        }
    }

    /** CouchDB 2 and later: its own epmd, then the node, configured by files in the data directory. */
    private static void startRelease(DriverContext ctx, Path couchdb, CouchdbRelease release, int port)
            throws Exception {
        Path dir = ctx.dataDir();
        String password = randomHex();
        Path localIni = Files.writeString(dir.resolve("local.ini"),
                CouchdbRelease.localIni(dir, port, ctx.freePort(), password));
        Path vmArgs = Files.writeString(dir.resolve("vm.args"), CouchdbRelease.vmArgs(port, randomHex(), ctx.freePort()));

        // Its own epmd, stopped with it: no clash with the machine's, none left running.
        int epmdPort = ctx.freePort();
        ctx.launch(Command.of(release.epmd(), "-port", Integer.toString(epmdPort), "-address", "127.0.0.1").label("epmd"),
                Ready.tcpPort(epmdPort));
        Command node = Command.of(couchdb, "-couch_ini").args(release.iniFiles(localIni))
                .env("COUCHDB_ARGS_FILE", vmArgs.toString())
                // The script would add a second -couch_ini for a value inherited from the user.
                .env("COUCHDB_INI_FILES", "")
                .env("ERL_EPMD_PORT", Integer.toString(epmdPort))
                .stopSignal(Signal.KILL); // its databases are thrown away
        ctx.launch(node, welcome(port));

        ctx.export("COUCHDB_PORT", Integer.toString(port));
        ctx.url("couchdb://localhost:" + port);
        ctx.export("COUCHDB_USERNAME", CouchdbRelease.ADMIN);
        ctx.export("COUCHDB_PASSWORD", password);
        ctx.export("HTTP_URL", "http://" + CouchdbRelease.ADMIN + ":" + password + "@localhost:" + port);
    }

    /**
     * CouchDB 1.x, as the original: its default configuration files ({@code couchdb -c}), then
     * the daemon's own, with nothing else read ({@code -n}).
     */
    private static void startOneDotX(DriverContext ctx, Path couchdb, int port) throws Exception {
        Path dir = ctx.dataDir();
        List<String> args = new ArrayList<>(List.of("-n"));
        for (String line : ctx.run(Command.of(couchdb, "-c").label("couchdb-config")).split("\n")) {
            if (!line.isBlank() && Files.isRegularFile(Path.of(line)) && Files.isReadable(Path.of(line))) {
                args.addAll(List.of("-a", line));
            }
        }
        Path config = Files.writeString(dir.resolve("couchdb.cfg"), "[couchdb]\n"
                + "database_dir = " + dir.resolve("db") + "\n"
                + "view_index_dir = " + dir.resolve("db") + "\n"
                + "uri_file = " + dir.resolve("couchdb.uri") + "\n"
                // Not couchdb.log: that is where pifpaf keeps its output.
                + "\n[log]\nfile = " + dir.resolve("couch.log") + "\n"
                + "\n[httpd]\nbind_address = 127.0.0.1\nport = " + port + "\n");
        args.addAll(List.of("-a", config.toString()));
        ctx.launch(Command.of(couchdb).args(args).stopSignal(Signal.KILL),
                Ready.allOf(Ready.logLine("Apache CouchDB has started. Time to relax."), welcome(port)));

        ctx.export("COUCHDB_PORT", Integer.toString(port));
        ctx.url("couchdb://localhost:" + port);
        ctx.export("HTTP_URL", "http://localhost:" + port);
    }

    /**
     * Ready on the welcome ({@code GET /}), which answers once the clustered interface serves;
     * its text, not the status alone, tells CouchDB from anything else answering on the port.
     */
    private static Ready welcome(int port) {
        return Ready.httpContaining("http://127.0.0.1:" + port + "/", 200, "\"couchdb\":\"Welcome\"");
    }

    /** 32 random hexadecimal digits: a password or a cookie, safe in URLs and config files alike. */
    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
