package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.Path;

/** The elasticsearch driver against a real Elasticsearch node (in CI, 7.10.2 from Maven Central). */
class ElasticsearchDriverTest extends ElasticsearchFamilyDriverTest {

    ElasticsearchDriverTest() {
        super("elasticsearch", "es", "es.path.home");
    }

    @Override
    Path expectedInstallation() throws IOException {
        return Installations.expected("ES_HOME", "elasticsearch", "/usr/share/elasticsearch");
    }
}
