/**
 * The {@code postgresql} driver: a throw-away PostgreSQL server with a fresh cluster that
 * trusts every local connection, its superuser named after the user running pifpaf.
 *
 * <p>The cluster lives in {@code <data>/pgdata}; the Unix socket ({@code .s.PGSQL.<port>})
 * lives in the data directory itself, so {@code psql} works with the exported variables alone.
 * When pifpaf runs as root, {@code initdb} and {@code postgres} run as the unprivileged user.
 *
 * <table class="striped">
 * <caption style="display:none">Options</caption>
 * <thead><tr><th scope="col">Option</th><th scope="col">Default</th><th scope="col">Meaning</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code --port}</th><td>{@code 9824}</td>
 *     <td>TCP port and socket suffix; {@code 0} picks a free port</td></tr>
 * <tr><th scope="row">{@code --host}</th><td>{@code 127.0.0.1}</td>
 *     <td>TCP listen addresses; empty for the Unix socket only</td></tr>
 * <tr><th scope="row">{@code --sync} / {@code --no-sync}</th><td>no-sync</td>
 *     <td>no-sync turns off {@code fsync}, {@code synchronous_commit} and
 *     {@code full_page_writes}: fast, and fine for data thrown away</td></tr>
 * </tbody>
 * </table>
 *
 * <table class="striped">
 * <caption style="display:none">Exported variables</caption>
 * <thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code PGPORT}</th><td>the port</td></tr>
 * <tr><th scope="row">{@code PGHOST}</th><td>the data directory (where the socket is)</td></tr>
 * <tr><th scope="row">{@code PGDATA}</th><td>the cluster directory, {@code <data>/pgdata}</td></tr>
 * <tr><th scope="row">{@code PGDATABASE}</th><td>{@code postgres}</td></tr>
 * <tr><th scope="row">{@code PIFPAF_URL}</th>
 *     <td>{@code postgresql://localhost/postgres?host=<data>&port=<port>}</td></tr>
 * <tr><th scope="row">{@code PIFPAF_POSTGRESQL_PORT}</th><td>the port (new in pifpaf for the JVM)</td></tr>
 * <tr><th scope="row">{@code PIFPAF_POSTGRESQL_JDBC_URL}</th>
 *     <td>{@code jdbc:postgresql://127.0.0.1:<port>/postgres?user=<user>}, when TCP is on</td></tr>
 * </tbody>
 * </table>
 *
 * <p>{@code PIFPAF} stands for the chosen prefix; {@code PIFPAF_DATA} (the data directory) is
 * exported by the runtime for every driver.
 */
module org.pifpaf.driver.postgresql {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.postgresql.PostgresqlDriver;
}
