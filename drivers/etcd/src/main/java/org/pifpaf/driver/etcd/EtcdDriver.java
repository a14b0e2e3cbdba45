package org.pifpaf.driver.etcd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;

/**
 * Starts etcd on 127.0.0.1: one member, or with {@code --cluster} three members that form one
 * cluster. See the module documentation for options and variables.
 */
public final class EtcdDriver implements DaemonDriver {

    private static final Binary ETCD = Binary.named("etcd").debian("etcd-server").brew("etcd");
    private static final Binary ETCDCTL = Binary.named("etcdctl").versionArgs("version")
            .debian("etcd-client").brew("etcd");
    private static final int MEMBERS = 3;
    private static final String CLUSTER_TOKEN = "etcd-cluster-pifpaf";

    @Override
    public String name() {
        return "etcd";
    }

    @Override
    public String description() {
        return "etcd key-value store, one member or a cluster of three";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 2379, "client port (of the first member with --cluster)"),
                DriverOption.port("peer-port", 2380, "peer port (single member only)"),
                DriverOption.flag("cluster", "start a cluster of three members"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(ETCD, ETCDCTL);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) {
        List<Member> members = ctx.booleanOption("cluster") ? clusterMembers(ctx)
                : List.of(new Member("pifpaf", ctx.port("port"), ctx.port("peer-port")));
        String initialCluster = members.stream().map(m -> m.name() + "=" + m.peerUrl())
                .collect(Collectors.joining(","));
        Path etcd = ctx.executable(ETCD);
        // One after the other, not with launchAll: each is only waited for until it listens, and
        // spawned together, a new member asks its peers whether the cluster exists while their
        // ports are open but not answering yet, and waits a second for each (start-ups of 2-3 s
        // instead of 1-1.5 s, measured).
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            Command command = Command.of(etcd, member.arguments(ctx, initialCluster))
                    .label(members.size() == 1 ? "etcd" : member.name());
            if (members.size() == 1) {
                // A lone member elects itself after one election timeout (1 s by default) and
                // has no peer whose heartbeats could come late: a short one starts it 10× sooner.
                command = command.args("--heartbeat-interval", "10", "--election-timeout", "100");
            }
            ctx.launch(command, readiness(members, i));
        }

        Member first = members.get(0);
        ctx.export("ETCD_PORT", Integer.toString(first.clientPort()));
        ctx.export("ETCD_PEER_PORT", Integer.toString(first.peerPort()));
        ctx.export("HTTP_URL", "http://localhost:" + first.clientPort());
        ctx.url("etcd://localhost:" + first.clientPort());
        ctx.exportRaw("ETCDCTL_ENDPOINTS", members.stream().map(m -> "http://localhost:" + m.clientPort())
                .collect(Collectors.joining(",")));
        ctx.exportRaw("ETCDCTL_API", "3");
        // As the original did: etcdctl, with nothing but the exported variables, must find every
        // member healthy.
        Command health = Command.of(ctx.executable(ETCDCTL), "endpoint", "health");
        ctx.run(members.size() == 1 ? health : health.args("--cluster"));
    }

    /**
     * When member {@code index} counts as started. A lone member serves clients as soon as it
     * elected itself. Cluster members cannot serve before a quorum has formed, so each of them
     * is only waited for until it listens; none waits for another, and all three run together.
     * The last one is ready once every member's {@code /health} answers 200, which etcd only
     * does with a leader elected and a request committed through it.
     */
    private static Ready readiness(List<Member> members, int index) {
        if (members.size() == 1) {
            // Logged once it serves: etcd 3.4 with zap says the latter only, 3.5 both.
            return Ready.logLine("ready to serve client requests|serving client traffic");
        }
        Ready listening = Ready.allOf(Ready.logLine("now serving peer/client/metrics"),
                Ready.tcpPort(members.get(index).clientPort()));
        if (index < members.size() - 1) {
            return listening;
        }
        List<Ready> all = new ArrayList<>(List.of(listening));
        members.forEach(m -> all.add(Ready.http(m.clientUrl() + "/health", 200)));
        return Ready.allOf(all.toArray(Ready[]::new));
    }

    /**
     * Three members: with {@code --port 0} on six free ports, otherwise, as in the original, on
     * client ports P, P+2, P+4 with each peer port one above its client port.
     */
    private static List<Member> clusterMembers(DriverContext ctx) {
        int base = ctx.intOption("port");
        int peerOption = ctx.intOption("peer-port");
        if (peerOption != 0 && peerOption != 2380) {
            ctx.log().log(System.Logger.Level.WARNING, "--peer-port is ignored with --cluster");
        }
        if (base != 0 && base + 2 * MEMBERS - 1 > 65535) {
            throw new DriverException("--port " + base + " leaves no room for the cluster's "
                    + 2 * MEMBERS + " ports (up to " + (base + 2 * MEMBERS - 1) + ")");
        }
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            int client = base == 0 ? ctx.freePort() : base + 2 * i;
            int peer = base == 0 ? ctx.freePort() : client + 1;
            members.add(new Member("pifpaf" + i, client, peer));
        }
        return members;
    }

    /** One etcd member: its name, client port and peer port. */
    private record Member(String name, int clientPort, int peerPort) {

        String clientUrl() {
            return "http://127.0.0.1:" + clientPort;
        }

        String peerUrl() {
            return "http://127.0.0.1:" + peerPort;
        }

        String[] arguments(DriverContext ctx, String initialCluster) {
            return new String[] {
                "--name", name,
                "--data-dir", ctx.dataDir().resolve(name).toString(),
                "--listen-client-urls", clientUrl(),
                "--advertise-client-urls", clientUrl(),
                "--listen-peer-urls", peerUrl(),
                "--initial-advertise-peer-urls", peerUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-token", CLUSTER_TOKEN,
                "--initial-cluster-state", "new",
                // Structured logs: etcd 3.4 deprecates its older logger, 3.5 only has this one.
                "--logger", "zap",
                "--log-outputs", "stderr",
            };
        }
    }
}
