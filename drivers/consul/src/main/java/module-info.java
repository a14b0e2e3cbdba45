/**
 * The {@code consul} driver: a throw-away Consul agent, the only server of a cluster of its own
 * ({@code -server -bootstrap-expect 1}, node {@code agent-one}), listening on 127.0.0.1 only.
 * Needs {@code consul} (HashiCorp's apt repository, Homebrew's {@code hashicorp/tap/consul},
 * Debian 11's {@code consul} package, or the release archive's binary on {@code PATH}; Debian 12
 * has none, and Homebrew's core no longer has it).
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>8500</td><td>HTTP API port (0: a free one)</td></tr>
 * </table>
 *
 * <p>The DNS, serf LAN and WAN, server RPC and gRPC ports are free ones (the original left them
 * at Consul's defaults, so two agents collided).
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_CONSUL_PORT}</td><td>the HTTP API port</td></tr>
 * <tr><td>{@code CONSUL_HTTP_ADDR}</td><td>{@code 127.0.0.1:<port>}, which the {@code consul}
 *     command and the official clients read (new in pifpaf for the JVM)</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code consul://127.0.0.1:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.consul {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.consul.ConsulDriver;
}
