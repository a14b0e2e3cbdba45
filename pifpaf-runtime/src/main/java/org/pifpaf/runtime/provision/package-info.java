/**
 * Daemons fetched rather than installed: the runtime's side of provisioning (which version,
 * where trees are kept, how an artifact becomes a tree, installed or provisioned binaries). The
 * fetching itself goes through the service in {@link org.pifpaf.runtime.provision.spi}, which
 * the {@code pifpaf-provision} module implements with Maven's resolver; the resolver is loaded
 * only when something must be fetched: never on a start whose binaries are installed.
 *
 * <p>Exported to the command line only ({@code pifpaf fetch}, {@code list-drivers}, the trees
 * of {@code config}); not an API for drivers, which only declare {@link org.pifpaf.api.Provision}s.
 */
package org.pifpaf.runtime.provision;
