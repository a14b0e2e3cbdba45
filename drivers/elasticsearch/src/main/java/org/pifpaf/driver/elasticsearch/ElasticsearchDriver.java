package org.pifpaf.driver.elasticsearch;

import java.util.Map;
import org.pifpaf.api.JavaDistribution;
import org.pifpaf.api.Provision;

/**
 * The {@code elasticsearch} driver: Elasticsearch's start script, {@code es://} URLs (as the
 * original pifpaf), {@code PIFPAF_ELASTICSEARCH_*} variables.
 */
public final class ElasticsearchDriver extends ElasticsearchFamilyDriver {

    /**
     * An installation is found by {@code $ES_HOME}, by {@code elasticsearch} on {@code PATH}
     * (an archive's {@code bin/}), in the vendor's packages' {@code /usr/share/elasticsearch}, and
     * in Homebrew's {@code elasticsearch-full} (Elastic's tap); its main jar gives the version.
     * Not installed: Maven Central's integration-test archive (Apache-2.0, no bundled Java), of
     * which 7.10.2, the last Apache-licensed release, is the default.
     */
    static final JavaDistribution ELASTICSEARCH = JavaDistribution.named("elasticsearch")
            .homeVariable("ES_HOME")
            .launcher("elasticsearch")
            .in("/usr/share/elasticsearch", "/opt/homebrew/opt/elasticsearch-full/libexec",
                    "/usr/local/opt/elasticsearch-full/libexec")
            .debian("elasticsearch").brew("elastic/tap/elasticsearch-full")
            .provisionedFrom(Provision.maven("org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip")
                    .anyPlatform().unpack().defaultVersion("7.10.2"));

    /** Uses {@code bin/elasticsearch} of the installation found. */
    public ElasticsearchDriver() {
        super(new Flavour("elasticsearch", "Elasticsearch", "es", "ES", ELASTICSEARCH, Map.of(
                // The default distribution's X-Pack: security would turn on TLS and passwords
                // (Elasticsearch 8), machine learning starts a native controller process.
                "modules/x-pack-security", Map.of("xpack.security.enabled", "false"),
                "modules/x-pack-ml", Map.of("xpack.ml.enabled", "false"))));
    }
}
