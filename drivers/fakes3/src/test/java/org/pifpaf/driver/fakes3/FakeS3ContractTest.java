package org.pifpaf.driver.fakes3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.contract.FakeExecutable;
import org.pifpaf.testkit.contract.Invocation;
import org.pifpaf.testkit.contract.Route;

/**
 * The fakes3 driver by contract (no registry here has the gem): a fake {@code fakes3} accepts
 * only the exact command line, then serves S3's bucket list and prints WEBrick's start line.
 */
class FakeS3ContractTest {

    private static final String BUCKETS = "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>";

    @TempDir
    Path bin;

    private StartRequest.Builder fakes3(String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("--root", "${data}/buckets", "--port", "${port:\\d+}",
                "--address", "127.0.0.1"));
        args.addAll(List.of(extraArgs));
        FakeExecutable.named("fakes3")
                .on(Invocation.withArgs(args)
                        .servesHttp("${port}", Route.get("/", 200, BUCKETS))
                        .prints("Loading Fake S3 with ${data}/buckets on port ${port} with hostname s3.amazonaws.com")
                        .prints("[2026-01-01 00:00:00] INFO  WEBrick 1.8.1")
                        .prints("[2026-01-01 00:00:00] INFO  WEBrick::HTTPServer#start: pid=4242 port=${port}"))
                .writeInto(bin);
        return StartRequest.builder("fakes3").binaryDirectory(bin);
    }

    @Test
    void theOriginalsPortGivesTheOriginalUrlAndVariables() throws Exception {
        try (ServerSocket probe = new ServerSocket(8990, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (IOException taken) {
            Assumptions.abort("port 8990 is taken");
        }
        RunningDaemon daemon = DriverTestKit.start(fakes3().option("port", "8990").build());
        try {
            assertEquals("s3://localhost:8990", daemon.url());
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_FAKES3_PORT", "PIFPAF_URL", "PIFPAF_HTTP_URL"),
                    List.copyOf(daemon.environment().keySet()));
            assertEquals("8990", daemon.environment().get("PIFPAF_FAKES3_PORT"));
            assertEquals("http://localhost:8990", daemon.environment().get("PIFPAF_HTTP_URL"));
            assertEquals("8990", FakeExecutable.capturesIn(daemon.dataDir().resolve("fakes3.log")).get("port"));
            assertTrue(Files.isDirectory(daemon.dataDir().resolve("buckets")));
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(daemon.environment().get("PIFPAF_HTTP_URL") + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aLicenseKeyIsHandedOn() throws Exception {
        RunningDaemon daemon = DriverTestKit.start(fakes3("--license", "${license:KEY-123}")
                .option("port", "0").option("license", "KEY-123").build());
        try {
            Map<String, String> captured = FakeExecutable.capturesIn(daemon.dataDir().resolve("fakes3.log"));
            assertEquals("KEY-123", captured.get("license"));
            assertEquals("s3://localhost:" + captured.get("port"), daemon.url());
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void withoutALicenseNoneIsHandedOn() {
        // The fake expecting a license refuses a command line without one.
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                fakes3("--license", "${license:.+}").option("port", "0").build()));
        assertTrue(String.join("\n", e.logTail()).contains("contract broken: the arguments [--root, "),
                String.join("\n", e.logTail()));
    }

    @Test
    void aTakenPortFailsAtOnceAndTwoServersRunSideBySide() {
        DriverTestKit.assertStartFailsOnTakenPort(fakes3().build(), "port");
        DriverTestKit.assertTwoInstancesCoexist(fakes3().build());
    }

    @Test
    void aMissingFakes3SaysWhereToGetIt() {
        assertEquals("fakes3 not found; install it with 'gem install fakes3'",
                new MissingBinaryException(FakeS3Driver.FAKES3).getMessage());
    }
}
