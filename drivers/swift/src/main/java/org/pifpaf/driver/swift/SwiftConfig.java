package org.pifpaf.driver.swift;

import java.nio.file.Path;
import org.pifpaf.api.DriverException;

/**
 * The configuration files of a throw-away Swift: one paste.deploy file per server in the data
 * directory, and {@code swift.conf} and {@code container-sync-realms.conf} in its {@code etc}
 * directory, the servers' {@code swift_dir} (where Swift looks for its rings, {@code mime.types}
 * and {@code memcache.conf} too, rather than in {@code /etc/swift}). The one device is
 * {@code data/fakedisk}.
 */
final class SwiftConfig {

    /** The device every ring places every partition on, under {@code <data dir>/data}. */
    static final String DEVICE = "fakedisk";
    /**
     * The servers' {@code swift_dir}, in the data directory: its stand-in for {@code /etc/swift}
     * (not called {@code swift}, as the data directory is on the Python path of the driver's
     * programs, and Swift's package must be found first).
     */
    static final String SWIFT_DIR = "etc";

    private final String dir;
    private final String user;

    /**
     * @param dataDir the data directory
     * @param user    the user the servers run as (what they would drop to, were they started as root)
     */
    SwiftConfig(Path dataDir, String user) {
        this.dir = value(dataDir.toString());
        this.user = value(user);
    }

    /** {@code swift.conf}: the hash path prefix and suffix, as the original's (nothing outlives the run). */
    static String swiftConf() {
        return """
                [swift-hash]
                swift_hash_path_prefix = changeme
                swift_hash_path_suffix = changeme
                """;
    }

    /** The realm the proxy's {@code container_sync} filter names as its own cluster. */
    static String containerSyncRealms(int proxyPort) {
        return """
                [saio]
                key = changeme
                key2 = changeme
                cluster_saio_endpoint = http://127.0.0.1:%d/v1/
                """.formatted(proxyPort);
    }

    /**
     * The proxy with the original's pipeline (plus {@code listing_formats}, which Swift inserts
     * itself otherwise, warning about it), TempAuth's test accounts, and Memcached for tokens.
     */
    String proxy(int port, int memcachedPort) {
        return defaults(port) + """

                [pipeline:main]
                # proxy-logging twice: requests made by the middlewares are logged too
                pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl \
                ratelimit crossdomain container_sync tempauth staticweb copy container-quotas account-quotas slo dlo \
                versioned_writes proxy-logging proxy-server

                [app:proxy-server]
                use = egg:swift#proxy
                allow_account_management = true
                account_autocreate = true

                [filter:tempauth]
                use = egg:swift#tempauth
                user_admin_admin = admin .admin .reseller_admin
                user_test_tester = testing .admin
                user_test2_tester2 = testing2 .admin
                user_test_tester3 = testing3

                [filter:cache]
                use = egg:swift#memcache
                memcache_servers = 127.0.0.1:%d

                [filter:container_sync]
                use = egg:swift#container_sync
                current = //saio/saio_endpoint

                [filter:versioned_writes]
                use = egg:swift#versioned_writes
                allow_versioned_writes = true
                """.formatted(memcachedPort)
                + filters("catch_errors", "gatekeeper", "healthcheck", "proxy-logging:proxy_logging", "listing_formats",
                        "bulk", "tempurl", "ratelimit", "crossdomain", "staticweb", "copy",
                        "container-quotas:container_quotas", "account-quotas:account_quotas", "slo", "dlo");
    }

    /** An account, container or object server ({@code kind}) behind the recon filter. */
    String backend(String kind, int port) {
        return defaults(port) + """

                [pipeline:main]
                pipeline = recon %1$s-server

                [app:%1$s-server]
                use = egg:swift#%1$s
                """.formatted(kind) + filters("recon");
    }

    /**
     * What every server shares. One process per server ({@code workers = 0}: no forked workers,
     * so the process the runtime started is the one that serves). Logs go to standard error
     * (the servers run with {@code -v}); Swift also adds a syslog handler, which is pointed at
     * the discard port rather than the system's {@code /dev/log}.
     */
    private String defaults(int port) {
        return """
                [DEFAULT]
                bind_ip = 127.0.0.1
                bind_port = %d
                workers = 0
                user = %s
                swift_dir = %3$s/%4$s
                devices = %3$s/data
                mount_check = false
                disable_fallocate = true
                recon_cache_path = %3$s
                log_level = INFO
                log_udp_host = 127.0.0.1
                log_udp_port = 9
                """.formatted(port, user, dir, SWIFT_DIR);
    }

    /** {@code [filter:x]} sections using Swift's entry point of the same name, or {@code name:entry}. */
    private static String filters(String... names) {
        StringBuilder sections = new StringBuilder();
        for (String name : names) {
            String[] parts = name.split(":");
            sections.append("\n[filter:").append(parts[0]).append("]\nuse = egg:swift#")
                    .append(parts[parts.length - 1]).append('\n');
        }
        return sections.toString();
    }

    /**
     * {@code text} as a value of Swift's configuration files, or a failure saying why it cannot
     * be one: paste.deploy interpolates {@code %} in them (the path of the file included), and
     * some of Swift's readers do not, so no escaping works; a line break ends a value.
     */
    private static String value(String text) {
        if (text.indexOf('%') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new DriverException("Swift's configuration cannot name " + text.strip()
                    + " (a % or a line break in it); set TMPDIR to a plainer path");
        }
        return text;
    }
}
