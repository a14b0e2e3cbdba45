/**
 * The service through which the runtime fetches daemons:
 * {@link org.pifpaf.runtime.provision.spi.ProvisionBackend} and the types its methods take and
 * give (artifact coordinates, fetched files, download progress, the failure), with where Maven's
 * settings are. {@code pifpaf-provision} implements it with Maven's resolver.
 *
 * <p>Exported to every module because {@code pifpaf-provision} may be loaded into a module
 * layer of its own ({@code lib/provision}), which a qualified export cannot reach. Front ends
 * also meet {@link org.pifpaf.runtime.provision.spi.TransferProgress} (a start request's
 * download listener) and {@link org.pifpaf.runtime.provision.spi.ProvisionFailedException} (the
 * cause of a failed start). Drivers need none of it: they only declare
 * {@link org.pifpaf.api.Provision}s.
 */
package org.pifpaf.runtime.provision.spi;
