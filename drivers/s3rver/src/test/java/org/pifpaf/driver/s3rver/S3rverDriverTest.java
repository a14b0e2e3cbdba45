package org.pifpaf.driver.s3rver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Binary;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The s3rver driver against the real S3rver, spoken to with the AWS SDK for Java's S3 client.
 * Each daemon is also closed by try-with-resources, so a failed assertion leaves nothing running.
 */
class S3rverDriverTest {

    @Test
    void storesAndReturnsAnObjectThroughTheS3Client() throws Exception {
        try (RunningDaemon daemon = DriverTestKit.start("s3rver", Map.of("port", "0"));
             S3Client s3 = client(daemon, "S3RVER")) {
            int port = port(daemon);
            assertEquals("s3://localhost:" + port, daemon.url());
            assertEquals(daemon.url(), daemon.environment().get("PIFPAF_URL"));
            assertEquals("http://localhost:" + port, daemon.environment().get("PIFPAF_HTTP_URL"));
            assertEquals(daemon.dataDir().toString(), daemon.environment().get("PIFPAF_DATA"));

            s3.createBucket(b -> b.bucket("pifpaf"));
            s3.putObject(p -> p.bucket("pifpaf").key("greetings/hello.txt").contentType("text/plain"),
                    RequestBody.fromString("hello, world"));
            assertEquals("hello, world",
                    s3.getObjectAsBytes(g -> g.bucket("pifpaf").key("greetings/hello.txt")).asUtf8String());
            assertEquals(12L, s3.headObject(h -> h.bucket("pifpaf").key("greetings/hello.txt")).contentLength());
            assertEquals("pifpaf", s3.listBuckets().buckets().stream().map(Bucket::name).findFirst().orElse(null));
            assertTrue(Files.isDirectory(daemon.dataDir().resolve("buckets").resolve("pifpaf")),
                    "the bucket is not kept in the data directory");
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aFixedPortGivesTheOriginalUrls() {
        try (RunningDaemon daemon = DriverTestKit.start("s3rver", Map.of("port", "4569"))) {
            assertEquals("s3://localhost:4569", daemon.url());
            assertEquals("s3://localhost:4569", daemon.environment().get("PIFPAF_URL"));
            assertEquals("http://localhost:4569", daemon.environment().get("PIFPAF_HTTP_URL"));
            assertEquals("4569", daemon.environment().get("PIFPAF_S3RVER_PORT"));
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void refusesAnUnknownAccessKey() {
        try (RunningDaemon daemon = DriverTestKit.start("s3rver", Map.of("port", "0"));
             S3Client s3 = client(daemon, "AKIDEXAMPLE")) {
            S3Exception refused = assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket("pifpaf")));
            assertEquals(403, refused.statusCode());
            assertEquals("InvalidAccessKeyId", refused.awsErrorDetails().errorCode());
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void listDriversShowsTheVersionOfTheInstalledPackage() throws Exception {
        String listed = DriverTestKit.listedVersion("s3rver");
        // The package whose bin/s3rver.js the s3rver command is.
        java.nio.file.Path script = org.pifpaf.runtime.inventory.Binaries.find(org.pifpaf.api.Binary.named("s3rver")).orElseThrow()
                .toRealPath();
        String packageJson = java.nio.file.Files.readString(script.getParent().resolveSibling("package.json"));
        assertTrue(packageJson.contains("\"version\": \"" + listed + "\""), "list-drivers shows " + listed);
    }

    @Test
    void aTakenPortFailsAtOnce() {
        DriverTestKit.assertStartFailsOnTakenPort("s3rver", "port", Map.of());
    }

    @Test
    void missingBinariesSayHowToInstallThem() {
        Map<String, Binary> binaries = new S3rverDriver().binaries().stream()
                .collect(Collectors.toMap(Binary::name, binary -> binary));
        assertEquals("node not found; install it with 'apt-get install nodejs' or 'brew install node'",
                new MissingBinaryException(binaries.get("node")).getMessage());
        assertEquals("s3rver not found; install it with 'npm install -g s3rver'",
                new MissingBinaryException(binaries.get("s3rver")).getMessage());
    }

    /**
     * An S3 client for the daemon's HTTP endpoint. S3rver stores bodies as they come, so the
     * client must send them whole, not in aws-chunked encoding (which the SDK uses for uploads
     * over plain HTTP).
     */
    private static S3Client client(RunningDaemon daemon, String accessKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(daemon.environment().get("PIFPAF_HTTP_URL")))
                .forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "S3RVER")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static int port(RunningDaemon daemon) {
        String value = daemon.environment().get("PIFPAF_S3RVER_PORT");
        assertTrue(value != null && value.matches("[1-9][0-9]*"), "PIFPAF_S3RVER_PORT=" + value);
        return Integer.parseInt(value);
    }

    @Test
    void twoInstancesRunSideBySide() {
        DriverTestKit.assertTwoInstancesCoexist("s3rver", Map.of());
    }
}
