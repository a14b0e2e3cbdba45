/**
 * The {@code couchdb} driver: a throw-away Apache CouchDB on 127.0.0.1, its databases in the data
 * directory. Both command lines are spoken, told apart by the installation: CouchDB 2 and later
 * (an Erlang release, {@code /opt/couchdb/bin/couchdb} from the vendor's package or Homebrew's
 * {@code couchdb}) gets its own ini file and {@code vm.args}, a single node with an admin user and
 * its own {@code epmd}; CouchDB 1.x ({@code couchdb -c}, {@code -n}, {@code -a}) is started as in
 * the original.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>5984</td><td>HTTP port (0: a free one)</td></tr>
 * </table>
 *
 * <p>CouchDB 2 and later: the release's {@code default.ini} and {@code default.d}, then
 * {@code <data>/local.ini} (not the installation's {@code local.ini} nor {@code local.d}, which
 * hold that machine's admins and settings), through {@code -couch_ini}; {@code vm.args} from
 * {@code COUCHDB_ARGS_FILE} (2.2 and later), naming node {@code pifpaf-<port>@127.0.0.1}, a random
 * cookie, a free distribution port on 127.0.0.1 and the daemon's own {@code epmd} on a free port
 * (the release's, started and stopped with it). The node-local port of 2.x is a free port too.
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_COUCHDB_PORT}</td><td>the port</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code couchdb://localhost:<port>}</td></tr>
 * <tr><td>{@code PIFPAF_COUCHDB_USERNAME}, {@code PIFPAF_COUCHDB_PASSWORD}</td><td>the admin user
 *     (2 and later, which refuse to start without one): {@code pifpaf} and a random password
 *     (new in pifpaf for the JVM)</td></tr>
 * <tr><td>{@code PIFPAF_HTTP_URL}</td><td>{@code http://localhost:<port>}, with the admin's
 *     credentials for 2 and later (new in pifpaf for the JVM)</td></tr>
 * </table>
 */
module org.pifpaf.driver.couchdb {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.couchdb.CouchdbDriver;
}
