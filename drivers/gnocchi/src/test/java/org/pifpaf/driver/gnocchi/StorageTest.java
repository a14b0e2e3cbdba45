package org.pifpaf.driver.gnocchi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.DriverException;

/** How a {@code --storage-url} becomes Gnocchi's {@code [storage]} settings (§3.9 of the original's behaviour). */
class StorageTest {

    private static final Path DATA = Path.of("/tmp/pifpaf-gnocchi-x/storage");

    @Test
    void withoutAUrlMeasuresGoToFilesInTheDataDirectory() {
        assertEquals(new Storage("file", Map.of("file_basepath", DATA.toString())), Storage.of(null, DATA));
        assertEquals(new Storage("file", Map.of("file_basepath", DATA.toString())), Storage.of("file://", DATA));
        assertEquals(new Storage("file", Map.of("file_basepath", "/srv/measures")), Storage.of("file:///srv/measures", DATA));
    }

    @Test
    void s3TakesTheDecodedCredentialsOrS3rversAndAnEndpointWithoutTheOriginalsDoubleSlash() {
        assertEquals(new Storage("s3", Map.of("s3_endpoint_url", "http://localhost:4569",
                        "s3_access_key_id", "gnocchi", "s3_secret_access_key", "pass")),
                Storage.of("s3://gnocchi:pass@LocalHost:4569", DATA));
        assertEquals(new Storage("s3", Map.of("s3_endpoint_url", "http://s3.example.org/prefix",
                        "s3_access_key_id", "S3RVER", "s3_secret_access_key", "S3RVER")),
                Storage.of("s3://s3.example.org/prefix", DATA));
        assertEquals("a b+c:d", Storage.of("s3://key:a%20b+c%3Ad@localhost:1", DATA).settings().get("s3_secret_access_key"));
    }

    @Test
    void swiftTakesTheAuthUrlAndTheDecodedUserOrTheOriginalsDefaults() {
        assertEquals(new Storage("swift", Map.of("swift_authurl", "http://localhost:8080/auth/v1.0",
                        "swift_user", "test:tester", "swift_key", "testing")),
                Storage.of("swift://test%3Atester:testing@localhost:8080/auth/v1.0", DATA));
        assertEquals(new Storage("swift", Map.of("swift_authurl", "http://localhost:8080/auth/v1.0",
                        "swift_user", "admin:admin", "swift_key", "admin")),
                Storage.of("swift://localhost:8080/auth/v1.0", DATA));
    }

    @Test
    void cephTakesTheConfigurationFileAndRedisTheWholeUrl() {
        assertEquals(new Storage("ceph", Map.of("ceph_conffile", "/tmp/pifpaf-ceph-x/ceph.conf")),
                Storage.of("ceph://" + "/tmp/pifpaf-ceph-x/ceph.conf", DATA));
        assertEquals(new Storage("redis", Map.of("redis_url", "redis://:s3cret@localhost:6400")),
                Storage.of("redis://:s3cret@localhost:6400", DATA));
    }

    @Test
    void otherSchemesAndNonUrlsAreRejectedNamingWhatIsSupported() {
        DriverException unsupported = assertThrows(DriverException.class, () -> Storage.of("mongodb://localhost", DATA));
        assertTrue(unsupported.getMessage().startsWith("Storage driver mongodb is not supported"), unsupported.getMessage());
        assertTrue(unsupported.getMessage().contains("[file, s3, swift, ceph, redis]"), unsupported.getMessage());
        assertThrows(DriverException.class, () -> Storage.of("/just/a/path", DATA));
        assertThrows(DriverException.class, () -> Storage.of("s3://bad host", DATA));
        assertThrows(DriverException.class, () -> Storage.of("ceph://", DATA));
    }
}
