package org.pifpaf.driver.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
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

/**
 * The mongodb driver by contract (no registry here has mongod), one generation of mongod at a
 * time: a fake {@code mongod} answers {@code --version} (and {@code --help} for old ones) as that
 * generation does, accepts only the exact server command line chosen for it, then serves the wire
 * protocol (mongo-java-server) and logs the line that generation logs. The official Java driver
 * then stores and reads a document through the URL the driver exported.
 */
class MongodbContractTest {

    private static final String JSON_LINE = "{\"t\":{\"$date\":\"2026-01-01T00:00:00.000+00:00\"},\"s\":\"I\",\"c\":\"NETWORK\","
            + "\"id\":23016,\"ctx\":\"listener\",\"msg\":\"Waiting for connections\",\"attr\":{\"port\":${port},\"ssl\":\"off\"}}";
    private static final String TEXT_LINE = "2026-01-01T00:00:00.000+0000 I NETWORK  [initandlisten] waiting for connections"
            + " on port ${port}";

    @TempDir
    Path bin;

    /**
     * A fake mongod of {@code version}: {@code --help} prints {@code help} when not null; the
     * server must get {@code serverArgs} exactly and logs {@code readyLine}.
     */
    private StartRequest.Builder mongod(String version, String help, List<String> serverArgs, String readyLine) {
        FakeExecutable fake = FakeExecutable.named("mongod")
                .on(Invocation.withArgs("--version").prints("db version v" + version)
                        .prints("Build Info: {\"version\": \"" + version + "\", \"gitVersion\": \"0\"}").exits(0));
        if (help != null) {
            fake.on(Invocation.withArgs("--help").prints(help).exits(0));
        }
        fake.on(Invocation.withArgs(serverArgs).runsMain(WireServer.class.getName(), "${port}").prints(readyLine))
                .writeInto(bin);
        return StartRequest.builder("mongodb").binaryDirectory(bin);
    }

    private static List<String> args(boolean nojournal, String... tail) {
        List<String> args = new ArrayList<>();
        if (nojournal) {
            args.add("--nojournal");
        }
        args.addAll(List.of("--quiet", "--noauth", "--port", "${port:\\d+}", "--dbpath", "${data}/db", "--bind_ip",
                "127.0.0.1", "--unixSocketPrefix", "${data}"));
        args.addAll(List.of(tail));
        return args;
    }

    /** The official driver stores and finds a document in the URL's database. */
    private static void roundTrip(RunningDaemon daemon) {
        ConnectionString url = new ConnectionString(daemon.environment().get("PIFPAF_URL"));
        try (MongoClient client = MongoClients.create(url)) {
            MongoCollection<Document> things = client.getDatabase(url.getDatabase()).getCollection("things");
            things.insertOne(new Document("name", "pif").append("value", 42));
            assertEquals(42, things.find(new Document("name", "pif")).first().getInteger("value"));
            assertEquals("test", url.getDatabase());
        }
    }

    @Test
    void theOriginalsPortGivesTheOriginalUrlWithMongodb8() throws Exception {
        try (ServerSocket probe = new ServerSocket(29002, 1, InetAddress.getLoopbackAddress())) {
            probe.close();
        } catch (IOException taken) {
            Assumptions.abort("port 29002 is taken");
        }
        RunningDaemon daemon = DriverTestKit.start(mongod("8.0.4", null, args(false), JSON_LINE).option("port", "29002").build());
        try {
            assertEquals("mongodb://localhost:29002/test", daemon.url());
            assertEquals(List.of("PIFPAF_DATA", "PIFPAF_MONGODB_PORT", "PIFPAF_URL"), List.copyOf(daemon.environment().keySet()));
            assertEquals("29002", daemon.environment().get("PIFPAF_MONGODB_PORT"));
            assertEquals("29002", FakeExecutable.capturesIn(daemon.dataDir().resolve("mongod.log")).get("port"));
            roundTrip(daemon);
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void mongodb6StillTurnsTheJournalOff() {
        RunningDaemon daemon = DriverTestKit.start(mongod("6.0.19", null, args(true), JSON_LINE).option("port", "0").build());
        try {
            roundTrip(daemon);
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void mongodb44IsTheFirstWithJsonLogs() {
        RunningDaemon daemon = DriverTestKit.start(mongod("4.4.29", null, args(true), JSON_LINE).option("port", "0").build());
        try {
            roundTrip(daemon);
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void oldServersAreStartedAsTheOriginalDid() {
        String help = "Options:\n  --storageEngine arg    what storage engine to use\n\nWiredTiger options:\n"
                + "  --wiredTigerCacheSizeGB arg";
        RunningDaemon daemon = DriverTestKit.start(mongod("3.6.8", help, args(true, "--config", "/dev/null"), TEXT_LINE)
                .option("port", "0").build());
        try {
            roundTrip(daemon);
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void anOldBuildWithoutWiredTigerGetsMmapv1() {
        String help = "Options:\n  --storageEngine arg    what storage engine to use\n  --nojournal";
        RunningDaemon daemon = DriverTestKit.start(mongod("3.0.15", help,
                args(true, "--config", "/dev/null", "--storageEngine", "mmapv1"), TEXT_LINE).option("port", "0").build());
        try {
            roundTrip(daemon);
        } finally {
            DriverTestKit.closeAndAssertNothingLeft(daemon);
        }
    }

    @Test
    void aTakenPortFailsAtOnceAndTwoServersRunSideBySide() {
        DriverTestKit.assertStartFailsOnTakenPort(mongod("7.0.14", null, args(false), JSON_LINE).build(), "port");
        DriverTestKit.assertTwoInstancesCoexist(mongod("7.0.14", null, args(false), JSON_LINE).build());
    }

    @Test
    void aServerHandedAnythingElseFailsTheStartWithTheFakesWords() {
        // A 7.0 that expected --nojournal still (which 6.1 removed) is handed none, and says so.
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                mongod("7.0.14", null, args(true), JSON_LINE).option("port", "0").build()));
        assertTrue(String.join("\n", e.logTail()).contains("contract broken: the arguments [--quiet, --noauth, --port,"),
                String.join("\n", e.logTail()));
    }

    @Test
    void aVersionItCannotReadIsNamed() {
        FakeExecutable.named("mongod").on(Invocation.withArgs("--version").prints("mongod, the next one").exits(0))
                .writeInto(bin);
        StartFailedException e = assertThrows(StartFailedException.class, () -> DriverTestKit.start(
                StartRequest.builder("mongodb").binaryDirectory(bin).option("port", "0").build()));
        assertTrue(e.getMessage().contains("cannot tell the version of mongod from its --version: FAKE mongod: handed"),
                e.getMessage());
    }

    @Test
    void aMissingMongodSaysWhereToGetIt() {
        assertEquals("mongod not found; install it with 'brew install mongodb/brew/mongodb-community' or"
                        + " 'apt-get install mongodb-org' from MongoDB's apt repository",
                new MongodbDriver().binaries().stream().map(b -> new MissingBinaryException(b).getMessage()).findFirst()
                        .orElseThrow());
    }
}
