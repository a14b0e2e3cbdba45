package org.pifpaf.driver.consul;

import java.time.Duration;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts a Consul agent as the only server of its own cluster, every listener on 127.0.0.1, its
 * auxiliary ports free ones. See the module documentation for options and variables.
 */
public final class ConsulDriver implements DaemonDriver {

    /**
     * Debian 12 has no consul package (11 has, statically linked) and Homebrew's core dropped
     * HashiCorp's tools: HashiCorp's own apt repository and tap have it.
     */
    static final Binary CONSUL = Binary.named("consul").versionArgs("version")
            .in("/usr/local/bin", "/opt/homebrew/bin").brew("hashicorp/tap/consul")
            .orInstall("'apt-get install consul' from HashiCorp's apt repository or Debian 11 (Debian 12 has none)")
            .orInstall("the binary of HashiCorp's release archive, on PATH");

    @Override
    public String name() {
        return "consul";
    }

    @Override
    public String description() {
        return "Consul agent, the one server of its own cluster";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 8500, "HTTP API port"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(CONSUL);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) {
        int port = ctx.port("port");
        String api = "127.0.0.1:" + port;
        // The original left DNS (8600), serf LAN (8301) and WAN (8302) and server RPC (8300) at
        // their defaults, so two agents collided: every one is a free port here.
        Command agent = Command.of(ctx.executable(CONSUL), "agent", "-server", "-bootstrap-expect", "1",
                        "-data-dir", ctx.dataDir().resolve("data").toString(), "-node=agent-one", "-bind=127.0.0.1",
                        "-client", "127.0.0.1", "-http-port=" + port,
                        "-dns-port=" + ctx.freePort(), "-serf-lan-port=" + ctx.freePort(),
                        "-serf-wan-port=" + ctx.freePort(), "-server-port=" + ctx.freePort(),
                        "-grpc-port=" + ctx.freePort(),
                        "-disable-host-node-id", "-hcl", "disable_update_check = true",
                        // Raft's production timeouts (multiplier 5) made the one server wait 5 s
                        // before electing itself: ~7 s to start, ~2 s with 1.
                        "-hcl", "performance { raft_multiplier = 1 }")
                // The data is thrown away: a graceful leave only costs time.
                .stopSignal(Signal.KILL);
        // The leader line says the one-server cluster formed; the HTTP API then answers.
        ctx.launch(agent, Ready.allOf(Ready.logLine("New leader elected"),
                Ready.http("http://" + api + "/v1/status/leader", 200)));

        ctx.export("CONSUL_PORT", Integer.toString(port));
        // For the consul command and the official clients, which read it.
        ctx.exportRaw("CONSUL_HTTP_ADDR", api);
        ctx.url("consul://" + api);
    }
}
