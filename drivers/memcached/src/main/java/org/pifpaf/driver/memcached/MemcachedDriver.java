package org.pifpaf.driver.memcached;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts Memcached on 127.0.0.1 (TCP only), with TLS when given a certificate chain. See the
 * module documentation for options and variables.
 */
public final class MemcachedDriver implements DaemonDriver {

    private static final Binary MEMCACHED = Binary.named("memcached").versionArgs("-V")
            .debian("memcached").brew("memcached");
    private static final List<String> TLS_FILE_OPTIONS = List.of("ssl_chain_cert", "ssl_key", "ssl_ca_cert");

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
                DriverOption.string("ssl_chain_cert", null, "server certificate chain (PEM file); turns TLS on"),
                DriverOption.string("ssl_key", null, "private key file, if not in the chain file (TLS only)"),
                DriverOption.string("ssl_ca_cert", null, "CA certificates (PEM file) for client certificates (TLS only)"));
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
    public void start(DriverContext ctx) {
        int port = ctx.port("port");
        // -U 0: no UDP listener, which nobody asked for and which would need a second free port.
        List<String> args = new ArrayList<>(List.of("-p", Integer.toString(port), "-l", "127.0.0.1", "-U", "0"));
        if (ctx.runningAsRoot()) {
            // memcached refuses root without -u; with it, it drops to that user by itself.
            args.addAll(List.of("-u", ctx.unprivilegedUser()));
        }
        if (ctx.option("ssl_chain_cert") != null) {
            args.addAll(tlsArguments(ctx));
            ctx.export("MEMCACHED_TLS_ENABLED", "1");
        } else if (ctx.option("ssl_key") != null || ctx.option("ssl_ca_cert") != null) {
            ctx.log().log(System.Logger.Level.WARNING, "ssl_key and ssl_ca_cert are ignored without ssl_chain_cert");
        }
        // A throw-away cache has nothing to save, and memcached takes most of a second to
        // honour SIGTERM (its clock thread sleeps a second at a time): kill it outright.
        ctx.launch(Command.of(ctx.executable(MEMCACHED)).args(args).stopSignal(Signal.KILL), Ready.tcpPort(port));
        ctx.export("MEMCACHED_PORT", Integer.toString(port));
        ctx.url("memcached://localhost:" + port);
    }

    /**
     * {@code -Z} and one {@code -o name=path} per file given. Verify mode 1 (as in the original
     * pifpaf) asks clients for a certificate but lets those without one in.
     */
    private static List<String> tlsArguments(DriverContext ctx) {
        List<String> args = new ArrayList<>(List.of("-Z", "-o", "ssl_verify_mode=1"));
        for (String name : TLS_FILE_OPTIONS) {
            String path = ctx.option(name);
            if (path == null) {
                continue;
            }
            // memcached splits -o values at commas, so such a path would be cut short.
            if (path.indexOf(',') >= 0) {
                throw new DriverException("memcached cannot use a " + name + " path containing a comma: " + path);
            }
            args.addAll(List.of("-o", name + "=" + path));
        }
        return args;
    }
}
