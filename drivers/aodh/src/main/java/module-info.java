/**
 * The {@code aodh} driver: a throw-away Aodh (OpenStack's alarming service: {@code aodh-api} and
 * {@code aodh-evaluator}), its database in a PostgreSQL started through pifpaf's
 * {@code postgresql} driver unless {@code --database-url} names one, and a Gnocchi started
 * through pifpaf's {@code gnocchi} driver for the metrics its alarms watch. Its API has no
 * authentication ({@code auth_mode = noauth}: requests say who they are in {@code X-User-Id},
 * {@code X-Project-Id} and {@code X-Roles}, as the {@code aodh} client's {@code aodh-noauth}
 * plugin does); Aodh queries Gnocchi as {@code admin}. Needs the Debian packages
 * {@code aodh-api} and {@code aodh-evaluator} (which bring {@code aodh-dbsync}), and what the
 * gnocchi and postgresql drivers need.
 *
 * <p>As the original pifpaf: the same options, defaults, variables and URL formats, and the same
 * sequence ({@code aodh-dbsync}, then the API, ready when it says where it is available, and the
 * evaluator, ready at its first evaluation cycle). Differences: the database's PostgreSQL and
 * the Gnocchi start side by side, and the API and the evaluator load side by side (about a
 * minute in all on two cores); the API listens on 127.0.0.1 only (the original's on every
 * interface); the nested Gnocchi works on Debian 12 (see the gnocchi driver) and gets a free
 * statsd port, so it never collides with another Gnocchi; an empty {@code --database-url} is
 * rejected at once; alarm notifications stay within the evaluator (oslo.messaging's in-memory
 * transport) rather than going to a RabbitMQ on localhost:5672. Nothing is read from
 * {@code /etc/aodh}: {@code --config-file} and {@code --config-dir} name the data directory's,
 * {@code HOME} is the data directory (where the API's middleware, which reads oslo.config's
 * default files again, finds {@code aodh.conf} before /etc's), the paste pipeline and the policy
 * are those of Aodh's own package, and no policy overrides are looked for. The services run as
 * the user running pifpaf, root included, like Gnocchi's; they are stopped with SIGKILL, as
 * their data is thrown away.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>8042</td><td>API port (0: a free one)</td></tr>
 * <tr><td>{@code --database-url}</td><td>none</td><td>Aodh's database URL instead of a PostgreSQL of its own</td></tr>
 * <tr><td>{@code --database-port}</td><td>8050</td><td>port of the PostgreSQL started without {@code --database-url}</td></tr>
 * <tr><td>{@code --gnocchi-port}</td><td>8051</td><td>port of the Gnocchi API</td></tr>
 * <tr><td>{@code --gnocchi-indexer-port}</td><td>8052</td><td>port of the Gnocchi indexer's PostgreSQL</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_AODH_PORT}</td><td>the API port</td></tr>
 * <tr><td>{@code PIFPAF_AODH_GNOCCHI_USER}</td><td>{@code admin}</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code aodh://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_AODH_HTTP_URL}, {@code AODH_ENDPOINT}</td><td>{@code http://localhost:<port>}</td></tr>
 * <tr><td>the nested daemons'</td><td>{@code PGHOST}, {@code PGPORT}, ... of Aodh's database; the Gnocchi's
 *     ({@code GNOCCHI_ENDPOINT}, {@code OS_AUTH_TYPE}, {@code GNOCCHI_USER}, {@code PIFPAF_GNOCCHI_PORT}, ...)</td></tr>
 * </table>
 */
module org.pifpaf.driver.aodh {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.aodh.AodhDriver;
}
