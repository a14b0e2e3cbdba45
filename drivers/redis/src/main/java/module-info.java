/**
 * The {@code redis} driver: a throw-away Redis on the loopback interface, optionally watched by a
 * Redis Sentinel (master name {@code pifpaf}).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>6379</td><td>server port (0: a free one)</td></tr>
 * <tr><td>{@code --sentinel}</td><td>off</td><td>also start a sentinel</td></tr>
 * <tr><td>{@code --sentinel-port}</td><td>6380</td><td>sentinel port (0: a free one)</td></tr>
 * <tr><td>{@code --password}</td><td>none</td><td>password of the server and the sentinel</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code redis://localhost:<port>}, or
 *     {@code redis://:<password, URL-encoded>@localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_REDIS_PORT}</td><td>the server port</td></tr>
 * <tr><td>{@code PIFPAF_REDIS_SENTINEL_PORT}</td><td>the sentinel port, with a sentinel only</td></tr>
 * </table>
 */
module org.pifpaf.driver.redis {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.redis.RedisDriver;
}
