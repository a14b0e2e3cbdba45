package org.pifpaf.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ResolutionErrorPolicy;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.TransferListener;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.eclipse.aether.util.repository.SimpleResolutionErrorPolicy;
import org.pifpaf.runtime.Environment;
import org.pifpaf.runtime.provision.spi.MavenSettings;

/**
 * A resolver session and the remote repositories as the user's settings make them: the local
 * repository ({@code ~/.m2/repository} or {@code <localRepository>}), offline mode, mirrors,
 * proxies and server credentials, Central plus the repositories of active profiles. Downloads
 * are checked against their checksums (a mismatch fails), and processes that resolve the same
 * artifact at once take turns through file locks in the local repository, so it is downloaded
 * once.
 */
final class RepositorySetup {

    private RepositorySetup() {
    }

    /** A session for {@code settings} in {@code environment}, telling {@code listener} of transfers. */
    static RepositorySystemSession.CloseableSession session(RepositorySystem system, Settings settings,
                                                            TransferListener listener, Environment environment) {
        Path localRepository = settings.getLocalRepository() != null && !settings.getLocalRepository().isBlank()
                ? Path.of(settings.getLocalRepository()) : MavenSettings.defaultLocalRepository(environment);
        RepositorySystemSession.SessionBuilder builder = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .setOffline(settings.isOffline())
                .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
                // A failed download is not remembered: once the repository answers again (the
                // network is back), the next start fetches instead of failing for a day.
                .setResolutionErrorPolicy(new SimpleResolutionErrorPolicy(ResolutionErrorPolicy.CACHE_DISABLED))
                .setMirrorSelector(mirrors(settings))
                .setProxySelector(proxies(settings))
                .setAuthenticationSelector(credentials(settings))
                .setTransferListener(listener)
                // Across processes, not only threads: two pifpaf runs fetching one artifact at
                // once download it once, the second waiting for the first.
                .setConfigProperty("aether.syncContext.named.factory", "file-lock")
                .setConfigProperty("aether.syncContext.named.nameMapper", "file-gav")
                // Resolver 2 asks each repository for its .meta/prefixes.txt before anything
                // else, even for an artifact already in the local repository: a DNS lookup and
                // a TLS handshake (0.5-1 s) at every tree made, for a filter that helps builds
                // with many repositories and pifpaf, which asks one or two, not at all.
                .setConfigProperty("aether.remoteRepositoryFilter.prefixes", false);
        return builder.build();
    }

    /** Central and the repositories of the active profiles, mirrors, proxies and credentials applied. */
    static List<RemoteRepository> repositories(RepositorySystem system, RepositorySystemSession session,
                                               Settings settings) {
        Map<String, RemoteRepository> byId = new LinkedHashMap<>();
        byId.put("central", new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/")
                .setSnapshotPolicy(new RepositoryPolicy(false, null, null)).build());
        Map<String, Profile> profiles = settings.getProfilesAsMap();
        for (Profile profile : settings.getProfiles()) {
            boolean active = settings.getActiveProfiles().contains(profile.getId())
                    || profile.getActivation() != null && profile.getActivation().isActiveByDefault();
            if (active && profiles.containsKey(profile.getId())) {
                for (Repository repository : profile.getRepositories()) {
                    byId.put(repository.getId(), new RemoteRepository.Builder(repository.getId(),
                            repository.getLayout(), repository.getUrl()).build());
                }
            }
        }
        return system.newResolutionRepositories(session, new ArrayList<>(byId.values()));
    }

    private static DefaultMirrorSelector mirrors(Settings settings) {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            selector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        return selector;
    }

    private static DefaultProxySelector proxies(Settings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                selector.add(new org.eclipse.aether.repository.Proxy(proxy.getProtocol(), proxy.getHost(),
                        proxy.getPort(), new AuthenticationBuilder().addUsername(proxy.getUsername())
                        .addPassword(proxy.getPassword()).build()), proxy.getNonProxyHosts());
            }
        }
        return selector;
    }

    private static DefaultAuthenticationSelector credentials(Settings settings) {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            selector.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername())
                    .addPassword(server.getPassword()).addPrivateKey(server.getPrivateKey(), server.getPassphrase())
                    .build());
        }
        return selector;
    }
}
