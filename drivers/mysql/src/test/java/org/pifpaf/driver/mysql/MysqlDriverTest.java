package org.pifpaf.driver.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Binary;
import org.pifpaf.api.DaemonProcess;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;
import org.pifpaf.testkit.MissingBinaries;

/** The mysql driver against the real MariaDB, through MariaDB Connector/J and the mariadb client. */
class MysqlDriverTest {

    @Test
    void answersSqlThroughTheSocketJdbcUrlWithoutNetworking() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of());
        try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_MYSQL_JDBC_URL"));
             Statement sql = db.createStatement()) {
            assertEquals("pifpaf", queryOne(sql, "select database()"));
            assertEquals("root@localhost", queryOne(sql, "select current_user()"));
            assertEquals("1", queryOne(sql, "select @@skip_networking"));
            sql.execute("create table pifpaf (id int primary key, name text)");
            sql.execute("insert into pifpaf values (1, 'pif'), (2, 'paf')");
            assertEquals("paf", queryOne(sql, "select name from pifpaf where id = 2"));
            String listed = DriverTestKit.listedVersion("mysql");
            assertTrue(queryOne(sql, "select version()").startsWith(listed + "-"),
                    "list-drivers shows " + listed + ", the server runs " + queryOne(sql, "select version()"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void exportsTheOriginalUrlAndSocketWithoutAPort() {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of());
        try {
            Map<String, String> env = daemon.environment();
            String socket = daemon.dataDir().resolve("mysql.socket").toString();
            assertEquals(daemon.dataDir().toString(), env.get("PIFPAF_DATA"));
            assertEquals(socket, env.get("PIFPAF_MYSQL_SOCKET"));
            assertEquals("mysql://root@localhost/pifpaf?unix_socket=" + socket, env.get("PIFPAF_URL"));
            assertEquals(env.get("PIFPAF_URL"), daemon.url());
            assertEquals("jdbc:mariadb://localhost/pifpaf?user=root&localSocket=" + socket,
                    env.get("PIFPAF_MYSQL_JDBC_URL"));
            assertEquals(socket, env.get("MYSQL_UNIX_PORT"));
            assertEquals(daemon.dataDir().toString(), env.get("MYSQL_HOME"));
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_MYSQL_SOCKET", "MYSQL_UNIX_PORT", "MYSQL_HOME", "PIFPAF_URL",
                            "PIFPAF_MYSQL_JDBC_URL"),
                    new ArrayList<>(env.keySet()));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void theMysqlClientWorksAsInTheOriginalTest() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of());
        try {
            String socket = daemon.environment().get("PIFPAF_MYSQL_SOCKET");
            // pifpaf's own test, as the invoking user (the client's default user name)...
            ClientResult tables = mysqlClient("--no-defaults", "-S", socket, "-e", "SHOW TABLES;", "pifpaf");
            assertEquals(0, tables.status(), tables.output());
            // ...and as the URL's root.
            ClientResult root = mysqlClient("--no-defaults", "-S", socket, "-u", "root", "-N", "-e",
                    "select current_user()", "pifpaf");
            assertEquals(0, root.status(), root.output());
            assertEquals("root@localhost", root.output().strip());
            // ...and with nothing but the exported variables, as psql works for PostgreSQL.
            ClientResult bare = mysqlClient(daemon.environment(), "-N", "-e", "select database() is null, 1");
            assertEquals(0, bare.status(), bare.output());
            assertEquals("1\t1", bare.output().strip());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortListensOnLoopbackForJdbc() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of("port", "13307"));
        try (Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_MYSQL_JDBC_URL"));
             Statement sql = db.createStatement()) {
            Map<String, String> env = daemon.environment();
            String socket = daemon.dataDir().resolve("mysql.socket").toString();
            assertEquals("13307", env.get("PIFPAF_MYSQL_PORT"));
            assertEquals("jdbc:mariadb://127.0.0.1:13307/pifpaf?user=root", env.get("PIFPAF_MYSQL_JDBC_URL"));
            assertEquals("mysql://root@localhost/pifpaf?unix_socket=" + socket, daemon.url());
            assertEquals(socket, env.get("PIFPAF_MYSQL_SOCKET"));
            assertEquals("13307", queryOne(sql, "select @@port"));
            assertEquals("127.0.0.1", queryOne(sql, "select @@bind_address"));
            assertEquals("root@127.0.0.1", queryOne(sql, "select current_user()"));
            assertEquals("pifpaf", queryOne(sql, "select database()"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void portZeroPicksAFreePort() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of("port", "0"));
        try {
            int port = Integer.parseInt(daemon.environment().get("PIFPAF_MYSQL_PORT"));
            assertTrue(port > 0, "port " + port);
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port);
                 Connection db = DriverManager.getConnection(daemon.environment().get("PIFPAF_MYSQL_JDBC_URL"));
                 Statement sql = db.createStatement()) {
                assertTrue(probe.isConnected());
                assertEquals(Integer.toString(port), queryOne(sql, "select @@port"));
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("mysql", "port", Map.of());
    }

    @Test
    void grantTablesAreRealSoTestsCanCreateUsers() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of());
        String url = daemon.environment().get("PIFPAF_MYSQL_JDBC_URL");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.execute("create user 'app'@'localhost' identified by 'secret'");
            sql.execute("grant select on pifpaf.* to 'app'@'localhost'");
            String appUrl = url.replace("user=root", "user=app&password=secret");
            try (Connection app = DriverManager.getConnection(appUrl); Statement appSql = app.createStatement()) {
                assertEquals("app@localhost", queryOne(appSql, "select current_user()"));
                assertThrows(SQLException.class, () -> appSql.execute("create table forbidden (id int)"));
            }
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url.replace("user=root", "user=app&password=wrong")).close());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void keepsItsDataAcrossARestartOfTheServer() throws Exception {
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of());
        String url = daemon.environment().get("PIFPAF_MYSQL_JDBC_URL");
        try {
            try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
                sql.execute("create table kept (id int primary key)");
                sql.execute("insert into kept values (42)");
            }
            DaemonProcess server = daemon.processes().get(0);
            server.stop();
            assertFalse(server.isAlive());
            server.start();
            try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
                assertEquals("42", queryOne(sql, "select id from kept"));
            }
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void dropsRootToTheUnprivilegedUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root has privileges to drop");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the owner from /proc");
        RunningDaemon daemon = DriverTestKit.start("mysql", Map.of());
        try {
            Path process = Path.of("/proc", Long.toString(daemon.processes().get(0).pid()));
            assertNotEquals("root", Files.getOwner(process).getName(), "mariadbd still runs as root");
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void initScriptCreatesTheDatabaseAndQuotesUserNames() {
        String sql = MysqlDriver.initScript("o'brien");
        assertTrue(sql.startsWith("CREATE DATABASE IF NOT EXISTS `pifpaf`;\n"), sql);
        assertTrue(sql.contains("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';\n"), sql);
        assertTrue(sql.contains("GRANT ALL PRIVILEGES ON *.* TO 'o''brien'@'localhost' WITH GRANT OPTION;\n"), sql);
        assertEquals(5, MysqlDriver.initScript("root").lines().count(), "root is created once per host");
    }

    @Test
    void declaresItsBinariesWithTheDebianPackage() {
        MysqlDriver driver = new MysqlDriver();
        assertEquals("mysql", driver.name());
        assertEquals(List.of("mariadbd", "mariadb-install-db"), driver.binaries().stream().map(b -> b.name()).toList());
        Stream.concat(driver.binaries().stream(), Stream.of(MysqlDriver.MYSQLD))
                .forEach(binary -> assertEquals("mariadb-server", binary.debianPackage()));
        assertTrue(MysqlDriver.MARIADBD.searchDirs().containsAll(List.of("/usr/sbin", "/usr/libexec")));
        assertEquals("mariadbd not found; install it with 'apt-get install mariadb-server' or 'brew install mariadb'",
                new MissingBinaryException(MysqlDriver.MARIADBD).getMessage());
    }

    private static String queryOne(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next(), "no row from " + query);
            return rows.getString(1);
        }
    }

    /** Runs the MariaDB command-line client (skipped, or failed in CI, when it is missing). */
    private static ClientResult mysqlClient(String... args) {
        return mysqlClient(Map.of(), args);
    }

    /** Runs the MariaDB command-line client with {@code variables} added to its environment. */
    private static ClientResult mysqlClient(Map<String, String> variables, String... args) {
        String client = Stream.of("/usr/bin/mariadb", "/usr/bin/mysql", "/usr/local/bin/mariadb")
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
        if (client == null) {
            MissingBinaries.skipOrFail(new MissingBinaryException(Binary.named("mariadb").debian("mariadb-client").brew("mariadb")));
        }
        List<String> argv = new ArrayList<>(List.of(client));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> env.putAll(variables));
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("mysql", Map.of());
    }
}
