import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.pifpaf.Daemon;
import org.pifpaf.DatabaseTemplate;
import org.pifpaf.Pifpaf;
import org.pifpaf.TestDatabase;

/**
 * The in-JVM fixture benchmark, run by {@code bench/run}: in one JVM, as a test would, start a
 * PostgreSQL through the library, run {@code select 1} over JDBC and close the daemon. Once to
 * warm up (class loading, driver discovery, JIT), then the number of rounds given (default 10),
 * each timed, twice: first letting the template cache finish its background work between rounds
 * (untimed, as {@code bench/run} does between command-line runs, and as a test that uses its
 * daemon for a while does), then back to back, where on a disk that creates files slowly every
 * other start must copy the cluster itself. Then, on one daemon, a fresh database per round made
 * from a template database (a table and an index), as a test suite's per-test databases are:
 * {@code newDatabase()}, {@code select 1} in it, {@code close()}. Prints one line per round, then
 * {@code median <seconds>}, {@code median-back-to-back <seconds>} and
 * {@code median-per-test-database <seconds>}.
 */
public final class FixtureBench {

    private FixtureBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        startQueryClose();
        System.out.printf(Locale.ROOT, "median %.4f%n", median(time(rounds, true, "round")));
        System.out.printf(Locale.ROOT, "median-back-to-back %.4f%n", median(time(rounds, false, "back-to-back round")));
        System.out.printf(Locale.ROOT, "median-per-test-database %.4f%n", median(perTestDatabases(rounds)));
    }

    /** The seconds of {@code rounds} per-test databases of one daemon, after one untimed. */
    private static double[] perTestDatabases(int rounds) throws Exception {
        double[] seconds = new double[rounds];
        try (Daemon pg = Pifpaf.start("postgresql");
                DatabaseTemplate template = DatabaseTemplate.of(pg, db -> {
                    try (Statement statement = db.createStatement()) {
                        statement.execute("create table orders (id int primary key, item text not null)");
                        statement.execute("create index orders_item on orders (item)");
                    }
                })) {
            selectOne(template);
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                selectOne(template);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "per-test database %d %.4f%n", i + 1, seconds[i]);
            }
        }
        return seconds;
    }

    private static void selectOne(DatabaseTemplate template) throws SQLException {
        try (TestDatabase database = template.newDatabase();
                Connection db = DriverManager.getConnection(database.jdbcUrl());
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            if (!result.next() || result.getInt(1) != 1) {
                throw new IllegalStateException("select 1 did not return 1");
            }
        }
    }

    /** The seconds of {@code rounds} start-query-close rounds, waiting for the cache between them if {@code settle}. */
    private static double[] time(int rounds, boolean settle, String label) throws Exception {
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            if (settle && !Pifpaf.awaitSpareCopies(Duration.ofMinutes(1))) {
                throw new IllegalStateException("the template cache still busy after a minute");
            }
            long start = System.nanoTime();
            startQueryClose();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s %d %.4f%n", label, i + 1, seconds[i]);
        }
        return seconds;
    }

    private static void startQueryClose() throws SQLException {
        try (Daemon pg = Pifpaf.start("postgresql");
                Connection db = DriverManager.getConnection(pg.jdbcUrl());
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            if (!result.next() || result.getInt(1) != 1) {
                throw new IllegalStateException("select 1 did not return 1");
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
