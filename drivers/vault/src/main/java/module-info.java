/**
 * The {@code vault} driver: a throw-away HashiCorp Vault dev server ({@code vault server -dev}),
 * in memory, unsealed, with a known root token. Needs {@code vault} (HashiCorp's apt repository,
 * Homebrew's {@code hashicorp/tap/vault}, or the release archive's binary on {@code PATH}).
 *
 * <p>The dev server binds a cluster listener too, one port above its listen address: a free port
 * (0) is chosen with a free successor, and a given {@code --port} whose successor is taken fails
 * at once.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code --port}</td><td>8200</td><td>port of 127.0.0.1 (0: a free one); new in pifpaf for
 *     the JVM, so that fixtures and {@code --port 0} get free ports</td></tr>
 * <tr><td>{@code --listen-address}</td><td>none</td><td>{@code host:port} instead, as in the
 *     original (whose default was {@code 127.0.0.1:8200}); port 0 picks a free one</td></tr>
 * <tr><td>{@code --root-token-id}</td><td>random</td><td>the root token</td></tr>
 * </table>
 *
 * <table>
 * <caption>Variables ({@code PIFPAF} stands for the chosen prefix)</caption>
 * <tr><th>variable</th><th>value</th></tr>
 * <tr><td>{@code PIFPAF_ROOT_TOKEN}</td><td>the root token</td></tr>
 * <tr><td>{@code PIFPAF_VAULT_ADDR}</td><td>{@code http://<listen address>}</td></tr>
 * <tr><td>{@code PIFPAF_URL}</td><td>the same</td></tr>
 * <tr><td>{@code VAULT_ADDR}, {@code VAULT_TOKEN}</td><td>the address and the root token, which
 *     the {@code vault} command and the official clients read (new in pifpaf for the JVM)</td></tr>
 * </table>
 */
module org.pifpaf.driver.vault {
    requires org.pifpaf.api;

    provides org.pifpaf.api.DaemonDriver with org.pifpaf.driver.vault.VaultDriver;
}
