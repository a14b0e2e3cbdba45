package org.pifpaf.driver.elasticsearch;

import java.util.Map;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;

/**
 * The {@code opensearch} driver: the Elasticsearch driver with OpenSearch's start script,
 * {@code opensearch://} URLs and {@code PIFPAF_OPENSEARCH_*} variables.
 */
public final class OpensearchDriver extends ElasticsearchFamilyDriver {

    /**
     * An installation is found by {@code $OPENSEARCH_HOME}, by {@code opensearch} on
     * {@code PATH} (an archive's {@code bin/}), in the vendor's packages'
     * {@code /usr/share/opensearch}, and in Homebrew's {@code opensearch}; its main jar gives the
     * version.
     */
    static final JavaDistribution OPENSEARCH = JavaDistribution.named("opensearch")
            .homeVariable("OPENSEARCH_HOME")
            .launcher("opensearch")
            .in("/usr/share/opensearch", "/opt/homebrew/opt/opensearch/libexec", "/usr/local/opt/opensearch/libexec")
            .debian("opensearch").brew("opensearch")
            // Not installed: Maven Central's integration-test archive (no bundled Java), the newest 2.19.
            .provisionedFrom(Provision.maven("org.opensearch.distribution.integ-test-zip:opensearch:zip")
                    .anyPlatform().unpack().defaultVersion("2.19"));

    /** Uses {@code bin/opensearch} of the installation found. */
    public OpensearchDriver() {
        super(new Flavour("opensearch", "OpenSearch", "opensearch", "OPENSEARCH", OPENSEARCH, Map.of(
                // The full distribution's security plugin refuses to start without TLS
                // certificates, and would put HTTPS and passwords in front of the node.
                "plugins/opensearch-security", Map.of("plugins.security.disabled", "true"))));
    }
}
