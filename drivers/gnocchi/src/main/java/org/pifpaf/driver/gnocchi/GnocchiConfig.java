package org.pifpaf.driver.gnocchi;

import java.nio.file.Path;

/**
 * The {@code gnocchi.conf} of a throw-away Gnocchi, section by section: every service on
 * 127.0.0.1, the basic authentication mode (a user name, no password), metrics processed a
 * second after their measures arrive, and nothing taken from {@code /etc/gnocchi}.
 */
final class GnocchiConfig {

    /** The user statsd creates its resource as, and the one clients log in as. */
    static final String ADMIN = "admin";

    private final Path dataDir;
    private final OsloConfig conf = new OsloConfig()
            .set("DEFAULT", "debug", "False")
            // Info level: each service says it is ready there.
            .set("DEFAULT", "verbose", "True");

    /** @param dataDir the daemon's data directory */
    GnocchiConfig(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The API on {@code port}, with the paste pipeline and the policy of Gnocchi's package in
     * {@code packageDir}: by their relative default names Gnocchi would look for them in
     * /etc/gnocchi too, where Debian keeps an older {@code policy.json}.
     */
    GnocchiConfig api(int port, Path packageDir) {
        conf.set("api", "host", "127.0.0.1")
                .set("api", "port", Integer.toString(port))
                // uwsgi serves HTTP itself; the default mode ("http") needs a router plugin that
                // Debian's uwsgi lacks, and a process and a port more.
                .set("api", "uwsgi_mode", "http-socket")
                .set("api", "paste_config", packageDir.resolve("rest/api-paste.ini").toString())
                .set("oslo_policy", "policy_file", packageDir.resolve("rest/policy.yaml").toString())
                // No overrides (a directory that does not exist): the default, policy.d, is looked
                // for in /etc/gnocchi too.
                .set("oslo_policy", "policy_dirs", dataDir.resolve("policy.d").toString());
        return this;
    }

    /** Where measures go. */
    GnocchiConfig storage(Storage storage) {
        conf.set("storage", "driver", storage.driver());
        storage.settings().forEach((key, value) -> conf.set("storage", key, value));
        return this;
    }

    /** The coordination back end ({@code coordination_url}); without one, Gnocchi uses the indexer. */
    GnocchiConfig coordination(String url) {
        conf.set("DEFAULT", "coordination_url", url);
        return this;
    }

    /** metricd: new measures are processed after a second rather than a minute. */
    GnocchiConfig metricd() {
        conf.set("metricd", "metric_processing_delay", "1")
                .set("metricd", "metric_cleanup_delay", "1");
        return this;
    }

    /** statsd on UDP {@code port}, filing its metrics under the resource {@code resourceId}. */
    GnocchiConfig statsd(int port, String resourceId) {
        conf.set("statsd", "host", "127.0.0.1")
                .set("statsd", "port", Integer.toString(port))
                .set("statsd", "resource_id", resourceId)
                .set("statsd", "creator", ADMIN);
        return this;
    }

    /** The indexer's database. */
    GnocchiConfig indexer(String url) {
        conf.set("indexer", "url", url);
        return this;
    }

    @Override
    public String toString() {
        return conf.toString();
    }
}
