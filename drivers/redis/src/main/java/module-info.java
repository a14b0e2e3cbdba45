/**
 * The {@code redis} and {@code valkey} drivers: a throw-away Redis (or Valkey, its fork) server on
 * 127.0.0.1 without persistence, optionally watched by a sentinel that knows it as master
 * {@code pifpaf}. One implementation serves both: {@code redis} needs {@code redis-server} (and
 * {@code redis-sentinel} for {@code --sentinel}), {@code valkey} needs {@code valkey-server} (and
 * {@code valkey-sentinel}; Debian 12 has them in bookworm-backports); {@code valkey} has the same options, and its variables and URL say
 * {@code VALKEY} and {@code valkey://} where the table says {@code REDIS} and {@code redis://}.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>6379</td><td>server port (0: a free one)</td></tr>
 * <tr><td>{@code --sentinel}</td><td>off</td><td>also start a sentinel</td></tr>
 * <tr><td>{@code --sentinel-port}</td><td>6380</td><td>sentinel port (0: a free one)</td></tr>
 * <tr><td>{@code --password}</td><td>empty: none</td><td>password of the server and of the
 *     sentinel; any text, quoted for the configuration and encoded for the URL</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_REDIS_SENTINEL_PORT}</td><td>the sentinel port, with {@code --sentinel}
 *     only</td></tr>
 * <tr><td>{@code PIFPAF_REDIS_PORT}</td><td>the server port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code redis://localhost:<port>}, or with a password
 *     {@code redis://:<password, percent-encoded>@localhost:<port>}; always the server, never
 *     the sentinel</td></tr>
 * </table>
 */
module org.pifpaf.driver.redis {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.redis.RedisDriver, org.pifpaf.driver.redis.ValkeyDriver;
}
