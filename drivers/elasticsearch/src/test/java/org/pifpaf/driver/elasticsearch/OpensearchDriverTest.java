package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.Path;

/** The opensearch driver against a real OpenSearch node (in CI, 2.19.6 from Maven Central). */
class OpensearchDriverTest extends ElasticsearchFamilyDriverTest {

    OpensearchDriverTest() {
        super("opensearch", "opensearch", "opensearch.path.home");
    }

    @Override
    Path expectedInstallation() throws IOException {
        return Installations.expected("OPENSEARCH_HOME", "opensearch", "/usr/share/opensearch");
    }
}
