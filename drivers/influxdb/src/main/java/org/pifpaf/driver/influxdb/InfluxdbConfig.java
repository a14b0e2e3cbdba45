package org.pifpaf.driver.influxdb;

import java.nio.file.Path;

/**
 * The {@code influxd} configuration (TOML, InfluxDB 1.x) of a throw-away server: every directory
 * inside the data directory, both listeners on 127.0.0.1, and everything else that would open a
 * port, phone home or fill the disk turned off.
 */
final class InfluxdbConfig {

    private InfluxdbConfig() {
    }

    /**
     * @param dir      the data directory, which gets {@code meta}, {@code data} and {@code wal}
     * @param httpPort the HTTP API's port
     * @param rpcPort  the port of the RPC service backups and restores use (8088 by default)
     */
    static String render(Path dir, int httpPort, int rpcPort) {
        return """
                # Written by pifpaf: a throw-away InfluxDB.
                reporting-enabled = false
                bind-address = %s

                [meta]
                  dir = %s

                [data]
                  dir = %s
                  wal-dir = %s

                # No _internal database of self-monitoring statistics, written every 10 s.
                [monitor]
                  store-enabled = false

                [http]
                  enabled = true
                  bind-address = %s
                  unix-socket-enabled = false

                [[graphite]]
                  enabled = false

                [[collectd]]
                  enabled = false

                [[opentsdb]]
                  enabled = false

                [[udp]]
                  enabled = false
                """.formatted(string(loopback(rpcPort)), string(dir.resolve("meta")), string(dir.resolve("data")),
                string(dir.resolve("wal")), string(loopback(httpPort)));
    }

    private static String loopback(int port) {
        return "127.0.0.1:" + port;
    }

    /** A TOML basic string. */
    private static String string(Object value) {
        return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
