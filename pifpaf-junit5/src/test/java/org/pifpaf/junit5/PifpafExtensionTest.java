package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.pifpaf.Daemon;
import org.pifpaf.DaemonStack;
import org.pifpaf.api.MissingBinaryException;
import org.pifpaf.testkit.MissingBinaries;
import redis.clients.jedis.Jedis;

/**
 * The extension against real daemons. The sample test classes below are run through JUnit's
 * engine test kit, so that scopes, sharing and failures can be checked from outside.
 */
class PifpafExtensionTest {

    /** What the sample tests saw, for the assertions made after they ran. */
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    static final Set<Path> DATA_DIRS = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void forget() {
        SEEN.clear();
        DATA_DIRS.clear();
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        return request.execute();
    }

    private static EngineExecutionResults runInParallel(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        return request.execute();
    }

    private static void assertAllPassed(EngineExecutionResults results, long count) {
        skipIfADaemonIsMissing(results);
        List<String> failures = results.testEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(
                        TestExecutionResult.class).flatMap(r -> r.getThrowable())
                        .map(Throwable::toString).orElse("?"))
                .toList();
        assertEquals(List.of(), failures);
        results.testEvents().assertStatistics(stats -> stats.started(count).succeeded(count).failed(0));
    }

    /**
     * A sample whose daemon is not installed here failed on it (the samples run without the
     * build's configuration): this test is skipped, or failed in CI, as the build's other tests.
     */
    private static void skipIfADaemonIsMissing(EngineExecutionResults results) {
        results.allEvents().failed().stream()
                .flatMap(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).stream())
                .flatMap(failure -> MissingBinaries.causeOf(failure).stream())
                .findFirst().ifPresent(MissingBinaries::skipOrFail);
    }

    private static void assertStopped() {
        for (Path dir : DATA_DIRS) {
            assertTrue(Files.notExists(dir), "still there after the tests: " + dir);
        }
    }

    private static String queryOne(Daemon postgresql, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(postgresql.jdbcUrl());
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    // ---- class-level PostgreSQL, JDBC, system properties

    @PifpafDaemon(driver = "postgresql", systemProperties = "spring.datasource.url=${POSTGRESQL_JDBC_URL}")
    static class ClassLevelPostgresql {
        @Test
        void first(Daemon postgresql) throws SQLException {
            assertEquals("1", queryOne(postgresql, "select 1"));
            assertEquals(postgresql.jdbcUrl(), System.getProperty("spring.datasource.url"));
            SEEN.add(postgresql.dataDir().toString());
            DATA_DIRS.add(postgresql.dataDir());
        }

        @Test
        void second(Daemon postgresql) throws SQLException {
            assertEquals("postgres", queryOne(postgresql, "select current_database()"));
            SEEN.add(postgresql.dataDir().toString());
        }
    }

    @Test
    void aClassLevelDaemonStartsOnceForTheClassAndStopsAfterIt() {
        assertAllPassed(run(ClassLevelPostgresql.class), 2);
        assertEquals(1, SEEN.size(), "both tests saw the same daemon");
        assertStopped();
        assertNull(System.getProperty("spring.datasource.url"), "the system property is restored");
    }

    // ---- fields, method-level daemons, parameters, several daemons per test

    static class FieldsAndParameters {
        @PifpafDaemon(driver = "redis")
        static Daemon perClass;

        @PifpafDaemon(driver = "redis", options = "password=s3cret")
        Daemon perTest;

        @Test
        @PifpafDaemon(driver = "memcached")
        void severalDaemonsAtOnce(@PifpafDaemon(name = "memcached") Daemon memcached,
                                  @PifpafDaemon(driver = "redis", name = "extra") Daemon extra) {
            try (Jedis jedis = new Jedis(java.net.URI.create(perTest.url()))) {
                assertEquals("PONG", jedis.ping());
            }
            try (Jedis jedis = new Jedis("localhost", perClass.port())) {
                assertEquals("PONG", jedis.ping());
            }
            assertTrue(memcached.port() > 0);
            assertNotEquals(extra.port(), perClass.port());
            SEEN.add("class:" + perClass.port());
            SEEN.add("test:" + perTest.port());
            List.of(perClass, perTest, memcached, extra).forEach(d -> DATA_DIRS.add(d.dataDir()));
        }

        @Test
        void anotherTest() {
            SEEN.add("class:" + perClass.port());
            SEEN.add("test:" + perTest.port());
            DATA_DIRS.add(perTest.dataDir());
        }
    }

    @Test
    void staticFieldsArePerClassInstanceFieldsAndParametersPerTest() {
        assertAllPassed(run(FieldsAndParameters.class), 2);
        assertEquals(1, SEEN.stream().filter(s -> s.startsWith("class:")).count());
        assertEquals(2, SEEN.stream().filter(s -> s.startsWith("test:")).count());
        assertStopped();
    }

    // ---- one daemon shared by several classes

    static class SharedOne {
        @Test
        void uses(@PifpafDaemon(driver = "redis", shared = true) Daemon redis) {
            SEEN.add(redis.dataDir().toString());
            DATA_DIRS.add(redis.dataDir());
        }
    }

    static class SharedTwo {
        @PifpafDaemon(driver = "redis", shared = true)
        static Daemon redis;

        @Test
        void uses() {
            SEEN.add(redis.dataDir().toString());
        }
    }

    @Test
    void aSharedDaemonServesEveryClassOfTheRunAndStopsAtItsEnd() {
        assertAllPassed(run(SharedOne.class, SharedTwo.class), 2);
        assertEquals(1, SEEN.size(), "both classes saw one daemon");
        assertStopped();
    }

    // ---- parallel

    @PifpafDaemon(driver = "redis")
    static class ParallelA {
        @Test void one(Daemon redis) { record(redis); }
        @Test void two(@PifpafDaemon(driver = "postgresql") Daemon postgresql) throws SQLException {
            assertEquals("1", queryOne(postgresql, "select 1"));
            record(postgresql);
        }
        @Test void three(@PifpafDaemon(driver = "redis", name = "own") Daemon redis) { record(redis); }

        static void record(Daemon daemon) {
            try (Jedis jedis = daemon.driver().equals("redis") ? new Jedis("localhost", daemon.port()) : null) {
                if (jedis != null) {
                    assertEquals("PONG", jedis.ping());
                }
            }
            SEEN.add(daemon.driver() + ":" + daemon.env("PIFPAF_URL"));
            DATA_DIRS.add(daemon.dataDir());
        }
    }

    @PifpafDaemon(driver = "redis")
    static class ParallelB {
        @Test void one(Daemon redis) { ParallelA.record(redis); }
        @Test void two(@PifpafDaemon(driver = "memcached") Daemon memcached) { ParallelA.record(memcached); }
        @Test void three(@PifpafDaemon(driver = "redis", name = "own") Daemon redis) { ParallelA.record(redis); }
    }

    @Test
    void parallelTestsGetTheirOwnPortsAndStopEverything() {
        assertAllPassed(runInParallel(ParallelA.class, ParallelB.class), 6);
        // class daemons A and B, two "own" redis, one postgresql, one memcached: six URLs
        assertEquals(6, SEEN.size(), SEEN.toString());
        assertStopped();
    }

    // ---- the README's example, as written there

    @PifpafDaemon(driver = "postgresql")
    static class OrderRepositoryExample {
        @PifpafDaemon(driver = "redis")
        Daemon cache;

        @PifpafDaemon(driver = "memcached", shared = true)
        static Daemon sessions;

        @Test
        void savesOrders(@PifpafDaemon(name = "postgresql") Daemon pg) throws SQLException {
            assertEquals("1", queryOne(pg, "select 1"));
            assertTrue(cache.port() > 0 && sessions.port() > 0);
            List.of(pg, cache, sessions).forEach(d -> DATA_DIRS.add(d.dataDir()));
        }

        @Test
        void withItsOwn(@PifpafDaemon(driver = "redis", options = "password=x") Daemon own) {
            try (Jedis jedis = new Jedis(java.net.URI.create(own.url()))) {
                assertEquals("PONG", jedis.ping());
            }
            DATA_DIRS.add(own.dataDir());
        }
    }

    @Test
    void theReadmeExampleWorksAsWritten() {
        assertAllPassed(run(OrderRepositoryExample.class), 2);
        assertStopped();
    }

    // ---- stack files

    @PifpafStack("classpath:catalog-stack.yaml")
    static class CatalogExample {
        @Test
        void usesTheStack(@PifpafDaemon(name = "index") Daemon index, @PifpafDaemon(name = "cache") Daemon cache,
                          DaemonStack all) throws SQLException {
            assertEquals("1", queryOne(index, "select 1"));
            try (Jedis jedis = new Jedis("localhost", cache.port())) {
                jedis.auth("pg-" + index.env("PGPORT"));
                assertEquals("PONG", jedis.ping());
            }
            assertEquals(List.of("index", "cache"), List.copyOf(all.daemons().keySet()));
            assertEquals("CACHE", cache.prefix());
            SEEN.add(index.dataDir().toString());
            all.daemons().values().forEach(d -> DATA_DIRS.add(d.dataDir()));
        }

        @Test
        void sameStackForTheWholeClass(@PifpafDaemon(name = "index") Daemon index) {
            SEEN.add(index.dataDir().toString());
        }
    }

    @Test
    void aStackFileStartsOnceForTheClass() {
        assertAllPassed(run(CatalogExample.class), 2);
        assertEquals(1, SEEN.size());
        assertStopped();
    }

    // ---- missing binaries

    static class MissingBinary {
        @Test
        void needsIt(@PifpafDaemon(driver = "missing") Daemon missing) {
            assertNotNull(missing);
        }
    }

    static class MissingBinarySkipped {
        @Test
        void needsIt(@PifpafDaemon(driver = "missing", skipIfUnavailable = true) Daemon missing) {
            assertNotNull(missing);
        }
    }

    @Test
    void aMissingBinaryFailsTheTestNamingItAndItsPackage() {
        run(MissingBinary.class).testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("no-such-daemon-anywhere not found") && m.contains("apt-get install no-such-package")))));
    }

    @Test
    void aMissingBinarySkipsTheTestWhenAskedTo() {
        var results = run(MissingBinarySkipped.class);
        assertEquals(List.of(), results.testEvents().failed().stream().map(e -> e.toString()).toList());
        results.testEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
    }

    @PifpafStack("classpath:missing-stack.yaml")
    static class MissingBinaryInAStack {
        @Test
        void needsIt(DaemonStack stack) {
            assertNotNull(stack);
        }
    }

    private static EngineExecutionResults runSkippingIfUnavailable(String value, Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter("pifpaf.skipIfUnavailable", value)
                .selectors(selectClass(sample)).execute();
    }

    /** The missing binary that made {@code results}' one aborted test or class skip. */
    private static Optional<MissingBinaryException> skippedFor(EngineExecutionResults results) {
        results.allEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
        return results.allEvents().aborted().stream()
                .flatMap(e -> e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).stream())
                .flatMap(failure -> MissingBinaries.causeOf(failure).stream())
                .map(MissingBinaryException.class::cast).findFirst();
    }

    @Test
    void theRunsConfigurationSkipsWhatTheDeclarationWouldFail() {
        assertEquals(Optional.of(MissingBinaryDriver.MISSING), skippedFor(runSkippingIfUnavailable("true", MissingBinary.class))
                .map(MissingBinaryException::binary));
    }

    @Test
    void theRunsConfigurationFailsWhatTheDeclarationWouldSkip() {
        runSkippingIfUnavailable("false", MissingBinarySkipped.class).testEvents().assertThatEvents()
                .haveExactly(1, event(finishedWithFailure(message(m -> m.contains("no-such-daemon-anywhere not found")))));
    }

    @Test
    void aStackWithAMissingBinaryFailsItsClassOrSkipsItAsTheRunSays() {
        run(MissingBinaryInAStack.class).containerEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("gone") && m.contains("no-such-daemon-anywhere not found")))));
        assertEquals(Optional.of(MissingBinaryDriver.MISSING),
                skippedFor(runSkippingIfUnavailable("true", MissingBinaryInAStack.class)).map(MissingBinaryException::binary));
    }

    @Test
    void aConfigurationThatIsNeitherTrueNorFalseIsAMistake() {
        runSkippingIfUnavailable("yes", MissingBinary.class).allEvents().assertThatEvents().haveAtLeastOne(event(
                finishedWithFailure(message(m -> m.contains("pifpaf.skipIfUnavailable must be true or false, not 'yes'")))));
    }

    // ---- mistakes in declarations

    static class Ambiguous {
        @PifpafDaemon(driver = "redis")
        static Daemon one;
        @PifpafDaemon(driver = "memcached")
        static Daemon two;

        @Test
        void which(Daemon daemon) {
            assertNotNull(daemon);
        }
    }

    @Test
    void anAmbiguousParameterIsExplained() {
        EngineExecutionResults results = run(Ambiguous.class);
        skipIfADaemonIsMissing(results);
        results.testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.contains("several daemons are declared") && m.contains("one") && m.contains("two")))));
    }
}
