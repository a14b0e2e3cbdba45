import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;

/**
 * The in-JVM fixture benchmark, run by {@code bench/run}: in one JVM, as a test would, start a
 * PostgreSQL through the library, run {@code select 1} over JDBC and close the daemon. Once to
 * warm up (class loading, driver discovery, JIT), then the number of rounds given (default 10),
 * each timed. Prints one line per round and then {@code median <seconds>}.
 */
public final class FixtureBench {

    private FixtureBench() {
    }

    public static void main(String[] args) throws SQLException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        startQueryClose();
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            startQueryClose();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "round %d %.4f%n", i + 1, seconds[i]);
        }
        System.out.printf(Locale.ROOT, "median %.4f%n", median(seconds));
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
