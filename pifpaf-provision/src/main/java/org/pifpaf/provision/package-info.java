/**
 * Fetching daemons through Maven's own resolver: {@link org.pifpaf.provision.MavenBackendFactory}
 * provides the runtime's {@link org.pifpaf.runtime.provision.spi.ProvisionBackend}. The user's
 * {@code settings.xml} (mirrors, proxies, credentials, the local repository, offline) applies
 * as it does to their builds; downloads are checked against their checksums, and files already
 * in the local repository against theirs; concurrent processes share downloads through the
 * resolver's file locks.
 */
package org.pifpaf.provision;
