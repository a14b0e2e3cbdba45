/**
 * The {@code gnocchi} driver: a throw-away Gnocchi 4 (the API under uwsgi, {@code gnocchi-metricd}
 * and {@code gnocchi-statsd}), its indexer in a PostgreSQL started through pifpaf's
 * {@code postgresql} driver unless {@code --indexer-url} names one, its measures in the data
 * directory unless {@code --storage-url} says otherwise. Clients log in with Gnocchi's basic
 * authentication as {@code admin}: {@code gnocchi status} works with the exported variables alone
 * ({@code GNOCCHI_ENDPOINT}, {@code OS_AUTH_TYPE}, {@code GNOCCHI_USER}). Needs the Debian
 * packages {@code gnocchi-api}, {@code gnocchi-metricd} and {@code gnocchi-statsd} (which bring
 * {@code gnocchi-upgrade}, uwsgi and its Python 3 plugin), and the {@code postgresql} driver.
 *
 * <p>As the original pifpaf: the same options, defaults, variables and URL formats, the same
 * sequence ({@code gnocchi-upgrade}, then the three services, ready on the same lines), storage
 * URLs read the same way ({@code file}, {@code s3}, {@code swift}, {@code ceph}, {@code redis}),
 * metrics processed a second after their measures arrive. Differences: {@code --statsd-port}
 * is honoured (the original ignored it) and defaults to a free UDP port, exported as
 * {@code PIFPAF_GNOCCHI_STATSD_PORT}, so that two Gnocchis never collide; every service listens
 * on 127.0.0.1 only (the original's statsd and API listened on every interface); an empty
 * {@code --indexer-url} is rejected at once (the original's {@code gnocchi-upgrade} waited for it
 * forever), and so is an unsupported storage URL, before anything starts; the S3 endpoint has no
 * doubled slash and no {@code :None} port; file storage goes to {@code <data>/storage} rather
 * than the data directory itself; the coordination URL is set in {@code [DEFAULT]}, where
 * Gnocchi 4 reads it. The API runs uwsgi in {@code http-socket} mode (Debian's uwsgi has no
 * {@code http} plugin) and is ready once it answers {@code GET /}, not only once a worker says
 * so. Nothing is read from {@code /etc/gnocchi}: the original copied its {@code api-paste.ini}
 * and {@code policy.json}; here {@code --config-file} and {@code --config-dir} name the data
 * directory's, {@code HOME} is the data directory (where the API's middleware, which reads
 * oslo.config's default files again, finds {@code gnocchi.conf} before /etc's), and the paste
 * and policy files are those of Gnocchi's own package. The services run as the user running
 * pifpaf (root included: Gnocchi does not refuse it, and the nested PostgreSQL's superuser is
 * named after that user, so the indexer URL needs no user name); they are stopped with
 * SIGKILL, as their data is thrown away. The nested PostgreSQL and Redis start side by side.
 *
 * <p>Known on Debian 12 (Gnocchi 4.4.2, NumPy 1.24): with Ceph storage, metricd stores the raw
 * measures but fails to write their aggregates (Gnocchi uses {@code numpy.int}, which NumPy 1.24
 * removed, on the path of storage drivers that update in place, Ceph's), so measures cannot be
 * read back; file, S3, Swift and Redis storage write whole objects and are not affected.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>8041</td><td>API port (0: a free one)</td></tr>
 * <tr><td>{@code --statsd-port}</td><td>a free one</td><td>statsd's UDP port</td></tr>
 * <tr><td>{@code --indexer-port}</td><td>9541</td><td>port of the PostgreSQL started without {@code --indexer-url}</td></tr>
 * <tr><td>{@code --coordination-port}</td><td>9542</td><td>port of the Redis started with {@code --coordination-driver redis}</td></tr>
 * <tr><td>{@code --coordination-driver}</td><td>{@code default}</td><td>{@code default} (Gnocchi coordinates
 *     through its indexer) or {@code redis} (a Redis of its own)</td></tr>
 * <tr><td>{@code --indexer-url}</td><td>none</td><td>the indexer's database URL instead of a PostgreSQL of its own</td></tr>
 * <tr><td>{@code --storage-url}</td><td>none</td><td>{@code file:///dir}, {@code s3://key:secret@host:port}
 *     (default key and secret {@code S3RVER}), {@code swift://user:key@host:port/auth/v1.0} (default
 *     {@code admin:admin} and {@code admin}), {@code ceph:///path/to/ceph.conf} (pool {@code gnocchi},
 *     which must exist) or {@code redis://host:port}</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_GNOCCHI_PORT}</td><td>the API port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code gnocchi://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_GNOCCHI_HTTP_URL}, {@code GNOCCHI_ENDPOINT}</td><td>{@code http://localhost:<port>}</td></tr>
 * <tr><td>{@code OS_AUTH_TYPE}</td><td>{@code gnocchi-basic}</td></tr>
 * <tr><td>{@code GNOCCHI_STATSD_RESOURCE_ID}</td><td>the resource statsd files its metrics under (random)</td></tr>
 * <tr><td>{@code GNOCCHI_USER}</td><td>{@code admin}</td></tr>
 * <tr><td>{@code PIFPAF_GNOCCHI_STATSD_PORT}</td><td>statsd's UDP port (not in the original)</td></tr>
 * <tr><td>the nested daemons'</td><td>{@code PGHOST}, {@code PGPORT}, ... of the indexer's PostgreSQL,
 *     {@code PIFPAF_REDIS_PORT} of the coordination Redis</td></tr>
 * </table>
 */
module org.pifpaf.driver.gnocchi {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.gnocchi.GnocchiDriver;
}
