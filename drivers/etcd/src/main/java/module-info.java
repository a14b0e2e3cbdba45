/**
 * The {@code etcd} driver: a throw-away etcd on 127.0.0.1, one member or, with
 * {@code --cluster}, three members forming one cluster. Needs {@code etcd} and {@code etcdctl}
 * (Debian {@code etcd-server} and {@code etcd-client}); etcd accepts root, so it runs as the
 * invoking user.
 *
 * <p>Each member keeps its data in {@code <data>/<name>} and logs (structured, one JSON object
 * a line) to its log file in the data directory. A lone member is ready once it has elected
 * itself and serves clients. Cluster members are all started without waiting for one another
 * (none can serve before a quorum exists); the start completes once every member's
 * {@code /health} answers 200. In both modes {@code etcdctl endpoint health} (with
 * {@code --cluster} for a cluster) must then succeed with the exported variables alone.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>2379</td><td>client port (0: a free one). With
 *     {@code --cluster}, a port P gives the members client ports P, P+2, P+4 and peer ports
 *     P+1, P+3, P+5, as in the original; 0 gives them six free ports</td></tr>
 * <tr><td>{@code --peer-port}</td><td>2380</td><td>peer port of a lone member (0: a free one);
 *     ignored with {@code --cluster}</td></tr>
 * <tr><td>{@code --cluster}</td><td>off</td><td>start three members, {@code pifpaf0} to
 *     {@code pifpaf2}</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables, in export order ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_ETCD_PORT}</td><td>the client port (of the first member)</td></tr>
 * <tr><td>{@code PIFPAF_ETCD_PEER_PORT}</td><td>the peer port actually used (of the first
 *     member with {@code --cluster}; the original exported the ignored option)</td></tr>
 * <tr><td>{@code PIFPAF_HTTP_URL}</td><td>{@code http://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code etcd://localhost:<port>}</td></tr>
 * <tr><td>{@code ETCDCTL_ENDPOINTS}</td><td>every member's client URL,
 *     {@code http://localhost:<port>}, joined by commas</td></tr>
 * <tr><td>{@code ETCDCTL_API}</td><td>{@code 3}</td></tr>
 * </table>
 */
module org.pifpaf.driver.etcd {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.etcd.EtcdDriver;
}
