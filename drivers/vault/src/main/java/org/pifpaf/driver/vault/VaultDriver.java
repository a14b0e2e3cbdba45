package org.pifpaf.driver.vault;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.pifpaf.api.Binary;
import org.pifpaf.api.Command;
import org.pifpaf.api.DaemonDriver;
import org.pifpaf.api.DriverContext;
import org.pifpaf.api.DriverException;
import org.pifpaf.api.DriverOption;
import org.pifpaf.api.Ready;
import org.pifpaf.api.Signal;

/**
 * Starts a Vault dev server: in memory, unsealed, its root token chosen here. See the module
 * documentation for options and variables.
 *
 * <p>The dev server also binds a cluster listener one port above its listen address (Vault
 * derives the cluster address from the listener's, and {@code -dev} has no flag to set it), so
 * a free port is chosen with a free successor, both claimed, and a given {@code --port} fails at
 * once when its successor is taken.
 */
public final class VaultDriver implements DaemonDriver {

    /** No Debian package: HashiCorp's own apt repository has it, Homebrew's core no longer does. */
    static final Binary VAULT = Binary.named("vault").in("/usr/local/bin", "/opt/homebrew/bin")
            .brew("hashicorp/tap/vault")
            .orInstall("'apt-get install vault' from HashiCorp's apt repository")
            .orInstall("the binary of HashiCorp's release archive, on PATH");

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public String description() {
        return "HashiCorp Vault dev server (in memory, unsealed)";
    }

    @Override
    public List<DriverOption> options() {
        return List.of(DriverOption.port("port", 8200, "port of 127.0.0.1 (unless --listen-address is given)"),
                DriverOption.string("listen-address", null, "host:port to listen on instead (port 0: a free one)"),
                DriverOption.string("root-token-id", null, "the root token (default: a random one)"));
    }

    @Override
    public List<Binary> binaries() {
        return List.of(VAULT);
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void start(DriverContext ctx) {
        String address = listenAddress(ctx);
        String token = ctx.option("root-token-id") != null ? ctx.option("root-token-id") : UUID.randomUUID().toString();
        Command server = Command.of(ctx.executable(VAULT), "server", "-dev", "-dev-root-token-id=" + token,
                        "-dev-listen-address=" + address)
                // The dev server stores its root token through the token helper, ~/.vault-token:
                // here in the data directory, not over the user's own token.
                .env("HOME", ctx.dataDir().toString())
                // It keeps everything in memory: nothing is lost by not shutting down.
                .stopSignal(Signal.KILL);
        // Printed once the listener serves and the dev server is initialised and unsealed.
        ctx.launch(server, Ready.logLine("Vault server started!"));

        String url = "http://" + address;
        ctx.export("ROOT_TOKEN", token);
        ctx.export("VAULT_ADDR", url);
        ctx.url(url);
        // For the vault command and the official clients, which read them.
        ctx.exportRaw("VAULT_ADDR", url);
        ctx.exportRaw("VAULT_TOKEN", token);
    }

    /**
     * {@code --listen-address} with a free port for 0, else 127.0.0.1 and {@code --port}. A given
     * listen address is Vault's to bind, its cluster port too: its host need not be loopback.
     */
    private static String listenAddress(DriverContext ctx) {
        String given = ctx.option("listen-address");
        if (given == null) {
            return "127.0.0.1:" + ctx.port("port", 2); // and the cluster listener's, one above
        }
        int colon = given.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(given.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            port = -1;
        }
        if (colon < 1 || port < 0 || port > 65535) {
            throw new DriverException("--listen-address " + given + " is not host:port");
        }
        return port == 0 ? given.substring(0, colon + 1) + ctx.freePorts(2) : given;
    }
}
