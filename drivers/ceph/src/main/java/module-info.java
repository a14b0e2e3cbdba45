/**
 * The {@code ceph} driver: a throw-away Ceph cluster of one monitor ({@code mon.a}), one manager
 * and one OSD ({@code osd.0}, BlueStore on a sparse 100 GiB file of which it writes some tens of
 * megabytes), with authentication off and pools of one copy, ready once {@code ceph health} says
 * {@code HEALTH_OK}. Needs Ceph 14 (Nautilus) or later: {@code ceph-mon}, {@code ceph-mgr},
 * {@code ceph-osd} and {@code ceph} (Debian packages {@code ceph-mon}, {@code ceph-mgr},
 * {@code ceph-osd}, {@code ceph-common}); {@code rados} comes with {@code ceph-common} too.
 *
 * <p>Clients need nothing but {@code CEPH_CONF} ({@code ceph -s}, {@code rados lspools}, the
 * librados bindings). Every daemon listens on 127.0.0.1 and speaks msgr2 only: the monitor on
 * the given port, the manager and the OSD on ports Ceph picks itself from 6800-7300, the next
 * free ones, so clusters side by side do not collide (pifpaf's own free ports are drawn above
 * that range). The data directory holds {@code ceph.conf}, the monitor's and the OSD's stores
 * ({@code mon/ceph-a}, {@code osd/ceph-0}), the admin sockets, the cluster log ({@code ceph.log})
 * and each process's output. Its file system must keep sparse files; a start on one that does
 * not (FAT) fails at once, saying so.
 *
 * <p>As the original pifpaf: the same sequence ({@code ceph-mon --mkfs}, monitor, {@code ceph osd
 * create}, {@code ceph osd crush add osd.0 1 root=default}, {@code ceph-osd --mkfs}, manager and
 * OSD), full, backfill-full and near-full ratios of 0.95, pool deletion allowed. Differences:
 * the ratios are set in the configuration, which applies them to the first OSD map, rather than
 * by three commands; the health wait is bounded by the start-up timeout (default 120 s; pifpaf
 * polled without pause or end) and a cluster that turns {@code HEALTH_ERR} fails the start at
 * once; the manager and the OSD listen on 127.0.0.1 only and without msgr1; the OSD's filestore
 * and journal settings, which BlueStore ignores, are left out, and so is the original's 256-byte
 * limit on object names (an ext4 workaround for filestore). For speed: map changes commit after
 * 0.1 s rather than 1 s, the OSD polls its block file's I/O every 10 ms rather than 250 ms (each
 * of the twenty times it closes the file waited for that poll) and skips the check after
 * {@code --mkfs}, and the manager boots beside the OSD: a start takes ~3 s on an idle machine
 * where the original's sequence took ~11 s.
 * When pifpaf runs as root every Ceph process runs as the unprivileged user; the daemons are
 * stopped with SIGKILL, as their data is thrown away.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>6790</td><td>monitor port (0: a free one)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code CEPH_CONF}</td><td>{@code <data dir>/ceph.conf}, which Ceph's clients read</td></tr>
 * <tr><td>{@code PIFPAF_CEPH_CONF}</td><td>the same</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>{@code ceph://localhost:<port>}</td></tr>
 * </table>
 */
module org.pifpaf.driver.ceph {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.ceph.CephDriver;
}
