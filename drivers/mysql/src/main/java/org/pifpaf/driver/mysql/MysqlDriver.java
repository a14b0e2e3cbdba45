package org.pifpaf.driver.mysql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;
import org.pifpaf.api.Template;

/**
 * Starts a throw-away MariaDB (or Oracle MySQL): a fresh data directory in {@code <data>/data},
 * served on the Unix socket {@code <data>/mysql.socket} and, with {@code --port}, on 127.0.0.1.
 * See the module documentation for options, variables and accounts.
 */
public final class MysqlDriver implements DaemonDriver {

    private static final String[] SERVER_DIRS = {"/usr/sbin", "/usr/libexec"};
    static final Binary MARIADBD = Binary.named("mariadbd").in(SERVER_DIRS).debian("mariadb-server").brew("mariadb");
    /** No version query: {@code mariadb-install-db --version} would initialise the system's data directory. */
    static final Binary INSTALL_DB = Binary.named("mariadb-install-db").noVersion()
            .debian("mariadb-server").brew("mariadb");
    /** Oracle MySQL's server (MariaDB's compatibility name for {@code mariadbd} too). */
    static final Binary MYSQLD = Binary.named("mysqld").in(SERVER_DIRS).debian("mariadb-server").brew("mysql");
    static final String DATABASE = "pifpaf";
    /** The redo log's default is 96 MiB; a throw-away server, maybe on tmpfs, needs far less. */
    private static final String REDO_LOG_SIZE = "--innodb-log-file-size=8M";

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String description() {
        return "MariaDB or MySQL server on a private Unix socket, with a database named pifpaf";
    }

    @Override
    public List<DriverOption> options() {
        // No default: without --port the server listens on its Unix socket only, as in pifpaf.
        // (The Java fixtures give every port option a free port, so there it also has TCP.)
        return List.of(DriverOption.optionalPort("port",
                "also listen on this TCP port of 127.0.0.1 (0: pick a free port); default: Unix socket only"),
                DriverOption.string("mysqld", null,
                        "the server to run, e.g. a MySQL tarball's bin/mysqld (default: mariadbd, else mysqld)"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(MARIADBD, INSTALL_DB);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        Path dir = ctx.dataDir();
        Path data = dir.resolve("data");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path socket = dir.resolve("mysql.socket");
        Path initFile = dir.resolve("init.sql");
        Integer port = ctx.option("port") == null ? null : ctx.port("port");

        Path server = serverBinary(ctx);
        boolean mariadb = server.toRealPath().getFileName().toString().startsWith("mariadb");
        // Both create root@localhost without a password. The server runs as the unprivileged
        // user when pifpaf is root (it refuses root without --user), so --user is never needed.
        // The result depends on the binaries and these options only, so it is created once and
        // copied from the runtime's cache at later starts.
        List<String> initOptions = mariadb
                ? List.of("--no-defaults", "--auth-root-authentication-method=normal", "--skip-test-db",
                        "--skip-name-resolve")
                : List.of("--no-defaults", "--initialize-insecure");
        Path initialiser = mariadb ? ctx.executable(INSTALL_DB) : server;
        ctx.createFromTemplate(Template.named("datadir")
                .keyedByBinary(initialiser)
                .keyedByBinary(server)
                .keyedBy(initOptions.toArray(String[]::new))
                .keyedBy(REDO_LOG_SIZE)
                .createdBy(target -> ctx.run(Command.of(initialiser).args(initOptions)
                        .args("--datadir=" + target, "--tmpdir=" + tmp, REDO_LOG_SIZE).asUnprivilegedUser())),
                data);
        Files.writeString(initFile, initScript(ctx.invokingUser()));

        List<String> args = new ArrayList<>(List.of("--no-defaults", "--datadir=" + data, "--tmpdir=" + tmp,
                "--socket=" + socket, "--pid-file=" + dir.resolve("mysqld.pid"), "--init-file=" + initFile,
                "--skip-name-resolve", REDO_LOG_SIZE));
        if (port == null) {
            args.add("--skip-networking");
        } else {
            args.addAll(List.of("--port=" + port, "--bind-address=127.0.0.1"));
        }
        if (!mariadb) {
            // MySQL's X Protocol would listen on 33060 and /tmp/mysqlx.sock.
            args.add("--mysqlx=OFF");
        }
        // The init file runs before the server announces it is ready. SIGKILL stops it: the
        // data is thrown away, and an orderly shutdown flushes InnoDB for a tenth of a second or more.
        ctx.launch(Command.of(server).args(args).asUnprivilegedUser().stopSignal(Signal.KILL),
                Ready.logLine(": ready for connections"));

        ctx.export("MYSQL_SOCKET", socket.toString());
        // So that a bare `mysql` finds this server: the client libraries' own variable, and,
        // because a [client] socket in /etc/mysql (Debian has one) overrides that variable, an
        // option file MariaDB's clients read after the system's.
        ctx.exportRaw("MYSQL_UNIX_PORT", socket.toString());
        Files.writeString(dir.resolve("my.cnf"), "[client]\nsocket=" + socket + "\n");
        ctx.exportRaw("MYSQL_HOME", dir.toString());
        ctx.url("mysql://root@localhost/" + DATABASE + "?unix_socket=" + socket);
        if (port != null) {
            ctx.export("MYSQL_PORT", Integer.toString(port));
            ctx.export("MYSQL_JDBC_URL", "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?user=root");
        } else {
            ctx.export("MYSQL_JDBC_URL", "jdbc:mariadb://localhost/" + DATABASE + "?user=root&localSocket=" + socket);
        }
    }

    /**
     * The {@code --mysqld} given, else MariaDB's {@code mariadbd}, else {@code mysqld}; if none,
     * the error names MariaDB's package.
     */
    private static Path serverBinary(DriverContext ctx) {
        String given = ctx.option("mysqld");
        if (given != null) {
            Path server = Path.of(given);
            if (!Files.isExecutable(server)) {
                throw new DriverException("--mysqld " + given + " is not an executable file");
            }
            return server.toAbsolutePath();
        }
        try {
            return ctx.executable(MARIADBD);
        } catch (MissingBinaryException noMariadbd) {
            try {
                return ctx.executable(MYSQLD);
            } catch (MissingBinaryException noMysqld) {
                throw noMariadbd;
            }
        }
    }

    /**
     * SQL run at every start, before the server accepts connections: the database, and
     * password-less accounts with every privilege for {@code root} (the URL's user) and for the
     * invoking user (whom the {@code mysql} client connects as by default), over the socket
     * ({@code localhost}) and TCP ({@code 127.0.0.1}).
     */
    static String initScript(String invokingUser) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`;\n");
        for (String user : new LinkedHashSet<>(List.of("root", invokingUser))) {
            for (String host : List.of("localhost", "127.0.0.1")) {
                String account = quote(user) + "@" + quote(host);
                sql.append("CREATE USER IF NOT EXISTS ").append(account).append(";\n")
                        .append("GRANT ALL PRIVILEGES ON *.* TO ").append(account).append(" WITH GRANT OPTION;\n");
            }
        }
        return sql.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
