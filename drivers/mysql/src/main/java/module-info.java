/**
 * The {@code mysql} driver: a throw-away MariaDB server (Debian's {@code mariadb-server}; Oracle
 * MySQL 5.7+ works too) with a database named {@code pifpaf}, on a Unix socket in the data
 * directory and, when asked, on a TCP port of 127.0.0.1.
 *
 * <p>The data directory is created by {@code mariadb-install-db} (for Oracle MySQL,
 * {@code mysqld --initialize-insecure}); every server flag is given on the command line after
 * {@code --no-defaults}, so no system option file ({@code /etc/mysql/my.cnf}, {@code ~/.my.cnf})
 * is read. When pifpaf runs as root, initialisation and server run as the unprivileged user.
 *
 * <p>Accounts: unlike pifpaf, which ran the server with {@code --skip-grant-tables}, the grant
 * tables are real, so {@code CREATE USER} and {@code GRANT} work in tests. {@code root} (the
 * URL's user) and a user named after the invoking user (whom the {@code mysql} client picks by
 * default) have no password and every privilege, from {@code localhost} (the socket) and
 * {@code 127.0.0.1} (TCP). The database and the accounts are created by an init file that the
 * server runs before it announces it is ready.
 *
 * <table class="striped">
 * <caption style="display:none">Options</caption>
 * <thead><tr><th scope="col">Option</th><th scope="col">Default</th><th scope="col">Meaning</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code --port}</th><td>none</td>
 *     <td>also listen on this TCP port of 127.0.0.1; {@code 0} picks a free port. Without it the
 *     server has no networking ({@code --skip-networking}), as in pifpaf</td></tr>
 * <tr><th scope="row">{@code --mysqld}</th><td>none</td>
 *     <td>the server binary to run, e.g. a MySQL tarball's {@code bin/mysqld}; by default
 *     {@code mariadbd}, else {@code mysqld}. A binary not named {@code mariadb*} is taken for
 *     Oracle MySQL (initialised with {@code --initialize-insecure}, X Protocol off)</td></tr>
 * </tbody>
 * </table>
 *
 * <table class="striped">
 * <caption style="display:none">Exported variables</caption>
 * <thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code PIFPAF_MYSQL_SOCKET}</th><td>{@code <data>/mysql.socket}</td></tr>
 * <tr><th scope="row">{@code MYSQL_UNIX_PORT}</th><td>the same socket, for the {@code mysql} client</td></tr>
 * <tr><th scope="row">{@code MYSQL_HOME}</th><td>the data directory, whose {@code my.cnf} names the socket
 *     for MariaDB's clients (it wins over a system-wide {@code [client]} socket)</td></tr>
 * <tr><th scope="row">{@code PIFPAF_URL}</th>
 *     <td>{@code mysql://root@localhost/pifpaf?unix_socket=<data>/mysql.socket}</td></tr>
 * <tr><th scope="row">{@code PIFPAF_MYSQL_PORT}</th><td>the TCP port, with {@code --port} only
 *     (new in pifpaf for the JVM)</td></tr>
 * <tr><th scope="row">{@code PIFPAF_MYSQL_JDBC_URL}</th>
 *     <td>with {@code --port}: {@code jdbc:mariadb://127.0.0.1:<port>/pifpaf?user=root};
 *     without: {@code jdbc:mariadb://localhost/pifpaf?user=root&localSocket=<data>/mysql.socket},
 *     for MariaDB Connector/J, which needs JNA for Unix sockets (new in pifpaf for the JVM)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>{@code PIFPAF} stands for the chosen prefix; {@code PIFPAF_DATA} (the data directory) is
 * exported by the runtime for every driver.
 */
module org.pifpaf.driver.mysql {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.mysql.MysqlDriver;
}
