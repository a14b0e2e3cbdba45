/**
 * Daemons fetched rather than installed: the runtime's side of provisioning (which version,
 * where trees are kept, how an artifact becomes a tree, installed or provisioned binaries), and
 * the small service interface ({@link org.pifpaf.runtime.provision.ProvisionBackend}) that the
 * {@code pifpaf-provision} module implements with Maven's resolver. The resolver is loaded only
 * when something must be fetched: never on a start whose binaries are installed.
 *
 * <p>Exported so that {@code pifpaf-provision}, which may sit in a module layer of its own, can
 * implement the service; not an API for drivers, which only declare
 * {@link org.pifpaf.api.Provision}s.
 */
package org.pifpaf.runtime.provision;
