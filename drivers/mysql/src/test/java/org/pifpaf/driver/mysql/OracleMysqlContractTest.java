package org.pifpaf.driver.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;

/**
 * Contract test of the Oracle MySQL path ({@code mysqld --initialize-insecure}), which no
 * package here provides: a fake {@code mysqld} records the arguments it is handed, refuses to
 * serve a data directory that was not initialised, and announces readiness like the real one.
 */
class OracleMysqlContractTest {

    private static final String FAKE_MYSQLD = """
            #!/bin/sh
            # Stands in for Oracle MySQL's mysqld: prints its arguments, then acts the part.
            echo "ARGS $*"
            datadir=
            for arg in "$@"; do
                case $arg in --datadir=*) datadir=${arg#--datadir=} ;; esac
            done
            case " $* " in
                *" --initialize-insecure "*)
                    mkdir -p "$datadir/mysql" && exit 0 ;;
                *)
                    [ -d "$datadir/mysql" ] || { echo "data directory not initialised"; exit 1; }
                    echo "/usr/sbin/mysqld: ready for connections. Version: '8.0.40'  socket: ''  port: 0"
                    exec sleep 1000 ;;
            esac
            """;

    @TempDir
    Path tools;

    private Path fakeMysqld() throws Exception {
        Path mysqld = tools.resolve("mysqld");
        Files.writeString(mysqld, FAKE_MYSQLD);
        // As root the server runs as the unprivileged user, which must reach it.
        Files.setPosixFilePermissions(mysqld, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tools, PosixFilePermissions.fromString("rwxr-xr-x"));
        return mysqld;
    }

    /**
     * Starts without the template cache: every test's fake server is a new binary, whose
     * initialised directory is worth nothing to later runs.
     */
    private static RunningDaemon start(Map<String, String> options) {
        return DriverTestKit.start(StartRequest.builder("mysql").options(options).cache(false).build());
    }

    private static List<String> argumentLines(RunningDaemon daemon) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (String log : List.of("mysqld.log", "mysqld-2.log")) {
            Files.readAllLines(daemon.dataDir().resolve(log)).stream()
                    .filter(line -> line.startsWith("ARGS ")).map(line -> line.substring(5)).forEach(lines::add);
        }
        return lines;
    }

    @Test
    void initialisesWithInitializeInsecureThenServesTheSocketOnly() throws Exception {
        RunningDaemon daemon = start(Map.of("mysqld", fakeMysqld().toString()));
        try {
            String d = daemon.dataDir().toString();
            assertEquals(List.of(
                    "--no-defaults --initialize-insecure --datadir=" + d + "/data --tmpdir=" + d + "/tmp"
                            + " --innodb-log-file-size=8M",
                    "--no-defaults --datadir=" + d + "/data --tmpdir=" + d + "/tmp --socket=" + d + "/mysql.socket"
                            + " --pid-file=" + d + "/mysqld.pid --init-file=" + d + "/init.sql --skip-name-resolve"
                            + " --innodb-log-file-size=8M --skip-networking --mysqlx=OFF"),
                    argumentLines(daemon));
            assertEquals(MysqlDriver.initScript(System.getProperty("user.name")),
                    Files.readString(daemon.dataDir().resolve("init.sql")));
            assertEquals("mysql://root@localhost/pifpaf?unix_socket=" + d + "/mysql.socket",
                    daemon.environment().get("PIFPAF_URL"));
            assertEquals(d + "/mysql.socket", daemon.environment().get("PIFPAF_MYSQL_SOCKET"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void withAPortListensOnLoopbackOnly() throws Exception {
        RunningDaemon daemon = start(Map.of("mysqld", fakeMysqld().toString(), "port", "13999"));
        try {
            List<String> server = List.of(argumentLines(daemon).get(1).split(" "));
            assertEquals(List.of("--port=13999", "--bind-address=127.0.0.1", "--mysqlx=OFF"),
                    server.subList(server.size() - 3, server.size()));
            assertEquals("jdbc:mariadb://127.0.0.1:13999/pifpaf?user=root",
                    daemon.environment().get("PIFPAF_MYSQL_JDBC_URL"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }
}
