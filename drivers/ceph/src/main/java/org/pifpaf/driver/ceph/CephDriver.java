package org.pifpaf.driver.ceph;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Launch;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts a Ceph cluster of one monitor, one manager and one OSD (BlueStore on a sparse file), on
 * 127.0.0.1 without authentication. See the module documentation for options and variables.
 */
public final class CephDriver implements DaemonDriver {

    private static final Binary CEPH = Binary.named("ceph").debian("ceph-common");
    private static final Binary CEPH_MON = Binary.named("ceph-mon").debian("ceph-mon");
    private static final Binary CEPH_MGR = Binary.named("ceph-mgr").debian("ceph-mgr");
    private static final Binary CEPH_OSD = Binary.named("ceph-osd").debian("ceph-osd");
    private static final Binary STAT = Binary.named("stat").debian("coreutils").brew("coreutils");
    private static final Path SH = Path.of("/bin/sh");
    /** Exits 0 once the cluster's health is settled, OK or ERR, which it leaves in {@code health}. */
    private static final String HEALTH_PROBE =
            "\"$0\" -c ceph.conf health >health && grep -qE '^HEALTH_(OK|ERR)' health";
    /** The length given to the sparse-file probe, as BlueStore gives 100 GiB to its block file. */
    private static final long SPARSE_PROBE_LENGTH = 64L << 20;

    @Override
    public String name() {
        return "ceph";
    }

    @Override
    public String description() {
        return "Ceph cluster: one monitor, one manager and one OSD";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 6790, "monitor port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(CEPH_MON, CEPH_MGR, CEPH_OSD, CEPH);
    }

    @Override
    public Duration startupTimeout() {
        // About 3 s on an idle machine, several times that on a busy one: three daemons, one of
        // them loading Python modules, and a Python client for each command.
        return Duration.ofSeconds(120);
    }

    @Override
    public void start(DriverContext ctx) throws Exception {
        int port = ctx.port("port");
        Path mon = ctx.executable(CEPH_MON);
        Path mgr = ctx.executable(CEPH_MGR);
        Path osd = ctx.executable(CEPH_OSD);
        Path ceph = ctx.executable(CEPH);
        Path dataDir = ctx.dataDir();
        requireSparseFiles(ctx);
        Path conf = Files.writeString(dataDir.resolve("ceph.conf"), CephConfig.of(dataDir, port));
        Files.createDirectories(dataDir.resolve("mon/ceph-a"));
        Files.createDirectories(dataDir.resolve("osd/ceph-0"));

        ctx.run(daemon(mon, conf, "--id", "a", "--mkfs").label("ceph-mon-mkfs"));
        ctx.launch(daemon(mon, conf, "--id", "a"), Ready.logLine("mon\\.a@0\\(leader\\)\\.mds e1 print_map"));
        // The OSD is registered and its store made while only the monitor runs; then manager and
        // OSD boot together (the manager's Python modules take a couple of seconds to load).
        ctx.run(cli(ceph, conf, "osd", "create").label("ceph-osd-create"));
        ctx.run(cli(ceph, conf, "osd", "crush", "add", "osd.0", "1", "root=default").label("ceph-crush-add"));
        ctx.run(daemon(osd, conf, "--id", "0", "--mkfs").label("ceph-osd-mkfs"));
        ctx.launchAll(List.of(
                Launch.of(daemon(mgr, conf), Ready.logLine("Activating!")),
                // Healthy implies an active manager and the OSD up and in.
                Launch.of(daemon(osd, conf, "--id", "0"), Ready.allOf(Ready.logLine("done with init"),
                        Ready.commandSucceeds(healthProbe(ceph))))));
        String health = Files.readString(dataDir.resolve("health")).strip();
        if (health.startsWith("HEALTH_ERR")) {
            throw new DriverException("Ceph started unhealthy: " + health);
        }

        ctx.exportRaw("CEPH_CONF", conf.toString());
        ctx.export("CEPH_CONF", conf.toString());
        ctx.url("ceph://localhost:" + port);
    }

    /**
     * A Ceph daemon (or its {@code --mkfs}) in the foreground, logging to standard error, where
     * the runtime's log file and log-line readiness see it. As root it runs as the unprivileged
     * user: nothing in a test cluster needs root. Killed at the stop, as its data is thrown away.
     */
    private static Command daemon(Path executable, Path conf, String... args) {
        return Command.of(executable, "-c", conf.toString(), "-d").args(args)
                .env("CEPH_ARGS", "").asUnprivilegedUser().stopSignal(Signal.KILL);
    }

    /** A {@code ceph} command against this cluster only: {@code CEPH_ARGS} could name another. */
    private static Command cli(Path ceph, Path conf, String... args) {
        return Command.of(ceph, "-c", conf.toString()).args(args).env("CEPH_ARGS", "").asUnprivilegedUser();
    }

    /**
     * {@code ceph health}, answered in the file {@code health}, succeeding once it is settled:
     * {@code HEALTH_OK}, or {@code HEALTH_ERR}, which the start then reports at once.
     */
    private static Command healthProbe(Path ceph) {
        return Command.of(SH, "-c", HEALTH_PROBE, ceph.toString()).env("CEPH_ARGS", "")
                .asUnprivilegedUser().label("ceph-health");
    }

    /**
     * Fails unless the data directory's file system keeps sparse files: the OSD's block file is
     * 100 GiB, of which it writes some tens of megabytes.
     */
    private static void requireSparseFiles(DriverContext ctx) throws IOException {
        Path probe = ctx.dataDir().resolve("sparse-check");
        try (RandomAccessFile file = new RandomAccessFile(probe.toFile(), "rw")) {
            file.setLength(SPARSE_PROBE_LENGTH);
        }
        try {
            String[] blocks = ctx.run(Command.of(ctx.executable(STAT), "-c", "%b %B", probe.toString())
                    .label("sparse-check")).strip().split(" ");
            long allocated = Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]);
            if (allocated > SPARSE_PROBE_LENGTH / 2) {
                throw new DriverException("the file system of " + ctx.dataDir() + " has no sparse files, which Ceph's"
                        + " 100 GiB OSD block file needs; set TMPDIR to a directory on ext4, XFS, btrfs or tmpfs");
            }
        } finally {
            Files.delete(probe);
        }
    }
}
