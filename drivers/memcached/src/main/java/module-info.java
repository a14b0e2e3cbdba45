/**
 * The {@code memcached} driver: a throw-away Memcached on 127.0.0.1 (TCP only), with TLS when
 * given a certificate chain. Needs {@code memcached} (built with TLS support for the
 * {@code ssl_*} options). When pifpaf runs as root, memcached is told to drop to the
 * unprivileged user, which must then be able to read the certificate files.
 *
 * <table>
 * <caption>Options (the underscore names are kept for compatibility; the command line also
 * accepts dashes, e.g. {@code --ssl-chain-cert})</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>11212</td><td>TCP port (0: a free one)</td></tr>
 * <tr><td>{@code --ssl_chain_cert}</td><td>none</td><td>server certificate chain (PEM); turns
 *     TLS on</td></tr>
 * <tr><td>{@code --ssl_key}</td><td>none</td><td>private key, if not in the chain file; TLS
 *     only</td></tr>
 * <tr><td>{@code --ssl_ca_cert}</td><td>none</td><td>CA certificates for client certificates,
 *     which are asked for but not required; TLS only</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_MEMCACHED_TLS_ENABLED}</td><td>{@code 1}, with TLS only (exported before
 *     the start)</td></tr>
 * <tr><td>{@code PIFPAF_MEMCACHED_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code memcached://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.memcached {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.memcached.MemcachedDriver;
}
