package org.pifpaf.driver.ceph;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pifpaf.api.DriverException;

/**
 * The {@code ceph.conf} of a throw-away cluster: one monitor ({@code mon.a}), one manager and one
 * OSD ({@code osd.0}), every file in the data directory, no authentication, one copy of each
 * object, and every daemon on 127.0.0.1.
 */
final class CephConfig {

    /**
     * What Ceph's configuration syntax cannot hold in a value: its parser stops at {@code ;} and
     * {@code #} even within quotes, drops backslashes, expands {@code $name} and rejects
     * non-ASCII text.
     */
    private static final Pattern UNWRITABLE = Pattern.compile("[^\\x20-\\x7e]|[;#$\\\\\"']");

    private CephConfig() {
    }

    /** The configuration for a monitor on {@code monPort}, keeping its files under {@code dataDir}. */
    static String of(Path dataDir, int monPort) {
        String dir = writable(dataDir);
        return """
                [global]
                fsid = %1$s
                mon_host = v2:127.0.0.1:%2$d/0
                # msgr2 only, as the monitor: one port per messenger rather than two
                ms_bind_msgr1 = false
                auth_cluster_required = none
                auth_service_required = none
                auth_client_required = none
                # one OSD: one copy of each object, and no warning about it
                osd_pool_default_size = 1
                osd_pool_default_min_size = 1
                osd_crush_chooseleaf_type = 0
                mon_warn_on_pool_no_redundancy = false
                mon_allow_pool_delete = true
                # the daemons' admin sockets (ceph-<type>.<id>.asok) and the cluster log
                run_dir = %3$s
                mon_cluster_log_file = %3$s/ceph.log

                [mon]
                mon_data = %3$s/mon/ceph-a
                mon_pg_warn_min_per_osd = 0
                # a nearly full disk under the data directory is no reason to be unhealthy
                mon_data_avail_warn = 2
                mon_data_avail_crit = 1
                auth_allow_insecure_global_id_reclaim = false
                # the original's set-*-ratio commands, applied when the first OSD map is made
                mon_osd_full_ratio = .95
                mon_osd_backfillfull_ratio = .95
                mon_osd_nearfull_ratio = .95
                # commit map changes after 0.1 s rather than 1 s: each start makes four
                paxos_propose_interval = 0.1

                [mon.a]
                host = localhost
                mon_addr = 127.0.0.1:%2$d

                [mgr]
                public_addr = 127.0.0.1

                [osd]
                osd_data = %3$s/osd/ceph-0
                public_addr = 127.0.0.1
                cluster_addr = 127.0.0.1
                # closing the block file waits for its I/O thread's poll (250 ms by default),
                # and the OSD opens and closes it about twenty times while it starts
                bdev_aio_poll_ms = 10
                bluestore_fsck_on_mkfs = false
                """.formatted(UUID.randomUUID(), monPort, dir);
    }

    /** {@code path} as a configuration value, or a failure saying why it cannot be one. */
    private static String writable(Path path) {
        String text = path.toString();
        if (UNWRITABLE.matcher(text).find()) {
            throw new DriverException("Ceph's configuration cannot name the data directory " + text
                    + " (it has ; # $ \\ quotes or non-ASCII characters); set TMPDIR to a plainer path");
        }
        return text;
    }
}
