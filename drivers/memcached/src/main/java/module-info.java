/**
 * The {@code memcached} driver: a throw-away Memcached on the loopback interface.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>11212</td><td>TCP port (0: a free one)</td></tr>
 * <tr><td>{@code --ssl_chain_cert}</td><td>none</td><td>certificate chain (PEM); turns TLS on</td></tr>
 * <tr><td>{@code --ssl_key}</td><td>none</td><td>private key, if not in the chain file</td></tr>
 * <tr><td>{@code --ssl_ca_cert}</td><td>none</td><td>CA certificates accepted from clients</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code memcached://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_MEMCACHED_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_MEMCACHED_TLS_ENABLED}</td><td>{@code 1}, with TLS only</td></tr>
 * </table>
 */
module org.pifpaf.driver.memcached {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.memcached.MemcachedDriver;
}
