package org.pifpaf.driver.memcached;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/** Starts Memcached on 127.0.0.1, optionally with TLS. */
public final class MemcachedDriver implements DaemonDriver {

    private static final Binary MEMCACHED = Binary.named("memcached").versionArgs("-V")
            .debian("memcached").brew("memcached");

    @Override
    public String name() {
        return "memcached";
    }

    @Override
    public String description() {
        return "Memcached on the loopback interface, optionally with TLS";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                DriverOption.port("port", 11212, "TCP port"),
                DriverOption.string("ssl_chain_cert", null, "certificate chain (PEM); turns TLS on"),
                DriverOption.string("ssl_key", null, "private key, if not in the chain file (with ssl_chain_cert)"),
                DriverOption.string("ssl_ca_cert", null, "CA certificates accepted from clients (with ssl_chain_cert)"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(MEMCACHED);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public void start(DriverContext context) {
        int port = context.port("port");
        // UDP off (-U 0): it is rarely wanted and would need a second free port.
        List<String> args = new ArrayList<>(List.of("-p", Integer.toString(port), "-l", "127.0.0.1", "-U", "0"));
        if (context.runningAsRoot()) {
            args.addAll(List.of("-u", context.unprivilegedUser())); // memcached refuses root without -u
        }
        String chain = context.option("ssl_chain_cert");
        if (chain != null) {
            args.addAll(List.of("-Z", "-o", "ssl_verify_mode=1", "-o", "ssl_chain_cert=" + chain));
            addSetting(args, "ssl_key", context.option("ssl_key"));
            addSetting(args, "ssl_ca_cert", context.option("ssl_ca_cert"));
            context.export("MEMCACHED_TLS_ENABLED", "1");
        }
        // A throw-away cache has nothing to save, and memcached takes most of a second to
        // honour SIGTERM (its clock thread sleeps a second at a time): kill it outright.
        context.launch(Command.of(context.executable(MEMCACHED)).args(args).stopSignal(Signal.KILL),
                Ready.tcpPort(port));
        context.export("MEMCACHED_PORT", Integer.toString(port));
        context.url("memcached://localhost:" + port);
    }

    private static void addSetting(List<String> args, String name, String value) {
        if (value != null) {
            args.addAll(List.of("-o", name + "=" + value));
        }
    }
}
