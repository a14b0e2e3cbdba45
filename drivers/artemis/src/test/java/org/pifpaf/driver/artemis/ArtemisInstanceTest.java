package org.pifpaf.driver.artemis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.jms.JMSSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.runtime.StartRequest;
import org.pifpaf.testkit.DriverTestKit;

/**
 * The broker's instance: made once by {@code artemis create}, then copied from the template cache
 * into each new data directory, where it must name that directory; and its users.
 */
class ArtemisInstanceTest {

    @TempDir
    Path cache;

    @Test
    void theInstanceIsCreatedOnceAndEachCopyWorksInItsOwnDirectory() throws Exception {
        StartRequest request = StartRequest.builder("artemis").option("port", "0").cacheDir(cache).build();
        long started = System.nanoTime();
        RunningDaemon first = DriverTestKit.start(request);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        RunningDaemon second = null;
        try {
            started = System.nanoTime();
            second = DriverTestKit.start(request);
            long secondMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("artemis: first start %d ms (artemis create), second %d ms (a copy)%n", firstMillis,
                    secondMillis);
            assertTrue(Files.exists(first.dataDir().resolve("artemis-create.log")));
            assertFalse(Files.exists(second.dataDir().resolve("artemis-create.log")), "created again");

            Path instance = second.dataDir().resolve("broker");
            for (Path file : filesOf(instance)) {
                String text = Files.readString(file);
                assertFalse(text.contains(first.dataDir().toString()), file + " names the first broker's directory");
                assertFalse(text.contains("@PIFPAF_"), file + " keeps a placeholder");
            }
            assertTrue(Files.readString(instance.resolve("etc/artemis.profile"))
                    .contains("ARTEMIS_INSTANCE='" + instance + "'"));
            // The copy's own command finds its broker through its broker.xml: this broker, not the first.
            assertEquals(0, ArtemisCommand.run(second, "producer", "--destination", "queue://copied",
                    "--message-count", "1", "--message", "from the copy").status());
            assertEquals("from the copy", AmqpClient.roundTrip(second.url(), null, null, "copied", "again"));
        } finally {
            if (second != null) {
                DriverTestKit.closeAndAssertNothingLeft(second);
            }
            DriverTestKit.closeAndAssertNothingLeft(first);
        }
    }

    @Test
    void theInstancesKeyChangesWithTheReleaseTheUserThePasswordAndTheLoginOption() {
        List<String> key = ArtemisDriver.instanceTemplate("2.40.0", "pifpaf", "secrete", "--allow-anonymous").keyParts();
        assertEquals(key, ArtemisDriver.instanceTemplate("2.40.0", "pifpaf", "secrete", "--allow-anonymous").keyParts());
        for (List<String> other : List.of(
                ArtemisDriver.instanceTemplate("2.39.0", "pifpaf", "secrete", "--allow-anonymous").keyParts(),
                ArtemisDriver.instanceTemplate("2.40.0", "alice", "secrete", "--allow-anonymous").keyParts(),
                ArtemisDriver.instanceTemplate("2.40.0", "pifpaf", "other", "--allow-anonymous").keyParts(),
                ArtemisDriver.instanceTemplate("2.40.0", "pifpaf", "secrete", "--require-login").keyParts())) {
            assertNotEquals(key, other);
        }
        // The cache's key file is plain text: the password is in it only as a digest.
        assertFalse(String.join(" ", key).contains("secrete"), key.toString());
    }

    @Test
    void anotherUserInTheSameCacheGetsAnInstanceOfItsOwn() throws Exception {
        StartRequest request = StartRequest.builder("artemis").option("port", "0").cacheDir(cache).build();
        try (RunningDaemon first = DriverTestKit.start(request)) {
            assertTrue(Files.exists(first.dataDir().resolve("artemis-create.log")));
            DriverTestKit.closeAndAssertNothingLeft(first);
        }
        try (RunningDaemon alice = DriverTestKit.start(request.toBuilder().option("username", "alice").build())) {
            assertTrue(Files.exists(alice.dataDir().resolve("artemis-create.log")), "the instance made for pifpaf was used");
            assertEquals("alice", AmqpClient.roundTrip(alice.url(), "alice", "secrete", "own", "alice"));
            DriverTestKit.closeAndAssertNothingLeft(alice);
        }
    }

    @Test
    void requireLoginRefusesAnonymousClientsAndAcceptsTheUser() throws Exception {
        String password = "s3cret word, 'quoted' $HOME";
        RunningDaemon locked = DriverTestKit.start("artemis", Map.of("port", "0", "require_login", "true",
                "username", "alice", "password", password));
        try {
            String url = locked.url();
            assertThrows(JMSSecurityException.class, () -> AmqpClient.roundTrip(url, null, null, "locked", "x"));
            assertThrows(JMSSecurityException.class, () -> AmqpClient.roundTrip(url, "alice", "wrong", "locked", "x"));
            assertEquals("paf", AmqpClient.roundTrip(url, "alice", password, "locked", "paf"));
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(locked);
        }
    }

    private static List<Path> filesOf(Path instance) throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(instance.resolve("bin")), Files.list(instance.resolve("etc")))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
