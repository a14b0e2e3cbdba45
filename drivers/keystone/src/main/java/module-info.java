/**
 * The {@code keystone} driver: a throw-away Keystone (OpenStack Identity) with a SQLite database,
 * Fernet tokens and an {@code admin} user whose password is random, its public and admin APIs
 * served on 127.0.0.1 by {@code keystone-wsgi-public} and {@code keystone-wsgi-admin} (Python's
 * single-threaded test server: one request at a time). Needs {@code keystone-manage} and both
 * scripts (Debian package {@code python3-keystone}, which brings the {@code openstack} client);
 * the {@code keystone} package, which adds a system-wide service, is not needed.
 *
 * <p>A start writes {@code keystone.conf}, then {@code keystone-manage} runs {@code db_sync},
 * {@code fernet_setup} and {@code credential_setup} into {@code <data>/state}, then
 * {@code bootstrap} (user, project and role {@code admin}, service {@code keystone}, region
 * {@code Pifpaf}, endpoints {@code http://localhost:<port>} and, for admin,
 * {@code http://localhost:<admin-port>}), then both servers start together; each is ready when
 * it has printed {@code Available at http://...} and a {@code GET /} of its port answers with
 * the version list (300 Multiple Choices). As root, all of them run as the unprivileged user
 * ({@code --run-as}); otherwise as the user running pifpaf.
 *
 * <p>{@code <data>/state} (the database schema and the keys) comes from the runtime's template
 * cache after the first start, which saves three of the four {@code keystone-manage} runs. So
 * the instances made from one cache entry share their Fernet and credential keys. That is
 * accepted: the cache belongs to the user who owns the data directories (nothing crosses a
 * privilege boundary), and a token cannot pass from one instance to another, since
 * {@code bootstrap} gives every instance users, projects and roles of its own with new random
 * ids. {@code --no-cache} makes new keys.
 *
 * <p>Nothing in {@code /etc/keystone} is read: every command gets {@code --config-file} and an
 * empty {@code --config-dir} in the data directory, which is also their {@code HOME}, so the
 * middlewares that look for {@code keystone.conf} on their own find the private one first; no
 * policy file or directory is searched for. Stopped with SIGKILL: the data is thrown away.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>5000</td><td>public API port (0: a free one)</td></tr>
 * <tr><td>{@code --admin-port}</td><td>35537</td><td>admin API port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables, in export order ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code OS_AUTH_URL}</td><td>{@code http://localhost:<port>}</td></tr>
 * <tr><td>{@code OS_PROJECT_NAME}</td><td>{@code admin}</td></tr>
 * <tr><td>{@code OS_USERNAME}</td><td>{@code admin}</td></tr>
 * <tr><td>{@code OS_PASSWORD}</td><td>the admin's password, a random UUID</td></tr>
 * <tr><td>{@code OS_USER_DOMAIN_NAME}</td><td>{@code Default} (new: the original's variables
 *     alone leave the {@code openstack} client without a domain)</td></tr>
 * <tr><td>{@code OS_PROJECT_DOMAIN_NAME}</td><td>{@code Default} (new)</td></tr>
 * <tr><td>{@code OS_IDENTITY_API_VERSION}</td><td>{@code 3} (new)</td></tr>
 * <tr><td>{@code PIFPAF_KEYSTONE_PORT}</td><td>the public port</td></tr>
 * <tr><td>{@code PIFPAF_KEYSTONE_ADMIN_PORT}</td><td>the admin port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code keystone://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_KEYSTONE_HTTP_URL}</td><td>{@code http://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.keystone {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.keystone.KeystoneDriver;
}
