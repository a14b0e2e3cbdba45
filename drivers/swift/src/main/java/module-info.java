/**
 * The {@code swift} driver: a throw-away OpenStack Swift (object storage). A proxy server with
 * TempAuth and the test accounts of Swift's all-in-one setup ({@code test:tester} /
 * {@code testing}, an admin), and an account, a container and an object server keeping one
 * replica on one device, {@code data/fakedisk} in the data directory; a nested {@code memcached}
 * (pifpaf's memcached driver) holds the proxy's tokens. Needs Swift's servers
 * ({@code swift-proxy-server}, {@code swift-account-server}, {@code swift-container-server},
 * {@code swift-object-server}: Debian packages {@code swift-proxy}, {@code swift-account},
 * {@code swift-container}, {@code swift-object}), the {@code swift} client
 * ({@code python3-swiftclient}) and Memcached. Every server listens on 127.0.0.1.
 *
 * <p>Swift keeps object metadata in {@code user.*} extended attributes: a data directory on a
 * file system without them (ramfs, older tmpfs) fails the start at once, saying so. The data
 * directory holds the servers' configurations ({@code proxy.conf}, {@code account.conf},
 * {@code container.conf}, {@code object.conf}), the device ({@code data/fakedisk}) and each
 * process's output, and the driver's two Python programs ({@code swift-server.py} runs a
 * server, {@code swift-rings.py} makes the rings); its {@code etc} directory is the servers'
 * {@code swift_dir}, with {@code swift.conf} and the rings ({@code *.ring.gz}). Nothing is read
 * from {@code /etc/swift}: Swift's modules read {@code /etc/swift/swift.conf} as they load, so
 * every Swift process of the driver starts with a Python audit hook that refuses to open
 * anything there.
 *
 * <p>As the original pifpaf: the same options, variables and URL, the same proxy pipeline and
 * accounts, rings of 2^10 partitions, and the same check before the start counts as done:
 * {@code swift stat}, and {@code swift upload} of an empty object into the container
 * {@code pifpaf} (which therefore exists). Differences:
 * <ul>
 * <li>the check uses the real port (the original's used 8080 whatever {@code --port} said), and
 *     it only runs once the servers themselves are ready (the proxy's {@code /healthcheck}, the
 *     others' ports), where the original took a line printed by its start-up hook for readiness;
 *     the object is called {@code pifpaf_test_file} rather than after the file's whole path;</li>
 * <li>the rings are made by Swift's ring builder in one Python process, rather than by nine
 *     {@code swift-ring-builder} runs, and come from the template cache when the three backend
 *     ports are fixed ones (the defaults);</li>
 * <li>each server is one process ({@code workers = 0}) logging to its output file (rather than to
 *     syslog);</li>
 * <li>the hash path settings are this {@code swift.conf}'s even where
 *     {@code /etc/swift/swift.conf} exists (the original's hook kept those Swift had read
 *     there);</li>
 * <li>as root, the Memcached gets {@code -u} (the original's could not start) and every Swift
 *     process runs as the unprivileged user.</li>
 * </ul>
 * The servers are stopped with SIGKILL, as their data is thrown away.
 *
 * <table>
 * <caption>Options (0: a free port)</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>8080</td><td>proxy port</td></tr>
 * <tr><td>{@code --object-port}</td><td>5062</td><td>object server port</td></tr>
 * <tr><td>{@code --container-port}</td><td>5061</td><td>container server port</td></tr>
 * <tr><td>{@code --account-port}</td><td>5060</td><td>account server port</td></tr>
 * <tr><td>{@code --memcached-port}</td><td>5063</td><td>the nested Memcached's port</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_MEMCACHED_PORT}</td><td>the nested Memcached's port</td></tr>
 * <tr><td>{@code PIFPAF_SWIFT_PORT}</td><td>the proxy port</td></tr>
 * <tr><td>{@code PIFPAF_SWIFT_USERNAME}</td><td>{@code test:tester}</td></tr>
 * <tr><td>{@code PIFPAF_SWIFT_PASSWORD}</td><td>{@code testing}</td></tr>
 * <tr><td>{@code PIFPAF_SWIFT_AUTH_URL}</td><td>{@code http://localhost:<port>/auth/v1.0} (TempAuth,
 *     version 1.0: {@code X-Auth-User} and {@code X-Auth-Key} give {@code X-Storage-Url} and
 *     {@code X-Auth-Token})</td></tr>
 * <tr><td>{@code PIFPAF_SWIFT_URL}</td><td>{@code swift://test%3Atester:testing@localhost:<port>/auth/v1.0}</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>the same</td></tr>
 * </table>
 */
module org.pifpaf.driver.swift {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.swift.SwiftDriver;
}
