package org.pifpaf.driver.aodh;

import java.nio.file.Path;

/**
 * The {@code aodh.conf} of a throw-away Aodh: no authentication on its API, Gnocchi's basic
 * authentication towards Gnocchi, and nothing taken from {@code /etc/aodh}.
 */
final class AodhConfig {

    /** The Gnocchi user Aodh's services query metrics as. */
    static final String GNOCCHI_USER = "admin";

    private AodhConfig() {
    }

    /**
     * The configuration file's text.
     *
     * @param dataDir     the daemon's data directory
     * @param databaseUrl Aodh's database
     * @param gnocchiUrl  the Gnocchi API's URL ({@code http://localhost:<port>})
     */
    static String of(Path dataDir, String databaseUrl, String gnocchiUrl) {
        return new OsloConfig()
                // Alarm notifications stay in the process (oslo.messaging's in-memory driver):
                // the default would go to a RabbitMQ on localhost:5672, a system-wide one if any.
                .set("DEFAULT", "transport_url", "fake://")
                .set("database", "connection", databaseUrl)
                .set("api", "auth_mode", "noauth")
                // A relative name is also looked for in /etc/aodh; for a file that does not exist,
                // Aodh takes the api-paste.ini of its own package.
                .set("api", "paste_config", dataDir.resolve("no-api-paste.ini").toString())
                // No policy overrides (a directory that does not exist): the default, policy.d,
                // is found in /etc/aodh, where Debian keeps a copy of the defaults.
                .set("oslo_policy", "policy_dirs", dataDir.resolve("policy.d").toString())
                .set("service_credentials", "auth_type", "gnocchi-basic")
                .set("service_credentials", "user", GNOCCHI_USER)
                .set("service_credentials", "endpoint", gnocchiUrl)
                .toString();
    }
}
