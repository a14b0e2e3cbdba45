/**
 * The {@code influxdb} driver: a throw-away InfluxDB 1.x ({@code influxd}, Debian's
 * {@code influxdb}) on 127.0.0.1, with a database created at start by the {@code influx} client
 * (Debian's {@code influxdb-client}).
 *
 * <p>The server reads {@code <data>/influxdb.conf}, written at start: metadata, data and
 * write-ahead log in {@code <data>/meta}, {@code <data>/data} and {@code <data>/wal}; the HTTP
 * API on {@code 127.0.0.1:<port>}; the RPC service (backups, 8088 by default) on another free
 * port of 127.0.0.1. Usage reporting, self-monitoring storage and the Graphite, collectd,
 * OpenTSDB and UDP listeners are off. Unlike pifpaf, no listener has a fixed port.
 *
 * <table class="striped">
 * <caption style="display:none">Options</caption>
 * <thead><tr><th scope="col">Option</th><th scope="col">Default</th><th scope="col">Meaning</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code --port}</th><td>{@code 51234}</td>
 *     <td>HTTP API port; {@code 0} picks a free port</td></tr>
 * <tr><th scope="row">{@code --database}</th><td>{@code test}</td>
 *     <td>database created at start</td></tr>
 * </tbody>
 * </table>
 *
 * <table class="striped">
 * <caption style="display:none">Exported variables</caption>
 * <thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
 * <tbody>
 * <tr><th scope="row">{@code PIFPAF_INFLUXDB_PORT}</th><td>the HTTP port</td></tr>
 * <tr><th scope="row">{@code PIFPAF_INFLUXDB_DATABASE}</th><td>the database</td></tr>
 * <tr><th scope="row">{@code PIFPAF_URL}</th>
 *     <td>{@code influxdb://localhost:<port>/<database>} (the name as given, not encoded)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>{@code PIFPAF} stands for the chosen prefix; {@code PIFPAF_DATA} (the data directory) is
 * exported by the runtime for every driver.
 */
module org.pifpaf.driver.influxdb {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.influxdb.InfluxdbDriver;
}
