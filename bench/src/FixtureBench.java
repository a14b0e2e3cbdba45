import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;

/**
 * The in-JVM fixture benchmark, run by {@code bench/run}: in one JVM, as a test would, start a
 * PostgreSQL through the library, run {@code select 1} over JDBC and close the daemon. Once to
 * warm up (class loading, driver discovery, JIT), then the number of rounds given (default 10),
 * each timed, twice: first letting the template cache finish its background work between rounds
 * (untimed, as {@code bench/run} does between command-line runs, and as a test that uses its
 * daemon for a while does), then back to back, where on a disk that creates files slowly every
 * other start must copy the cluster itself. Prints one line per round, then
 * {@code median <seconds>} and {@code median-back-to-back <seconds>}.
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
