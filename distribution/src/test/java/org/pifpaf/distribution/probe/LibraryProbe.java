package org.pifpaf.distribution.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;

/**
 * The library in a JVM of its own, run by {@code ProvisionedAsUserIT} as the unprivileged user:
 * PostgreSQL 16 and 17 started side by side, each one's {@code select version()} and data
 * directory printed for the test to check.
 */
public final class LibraryProbe {

    private LibraryProbe() {
    }

    /**
     * Prints {@code user: <name>}, {@code 16: <version>}, {@code 17: <version>} and a
     * {@code data: <dir>} line for each.
     */
    public static void main(String[] args) throws SQLException, InterruptedException {
        System.out.println("user: " + System.getProperty("user.name"));
        try (Daemon sixteen = Pifpaf.start("postgresql@16");
             Daemon seventeen = Pifpaf.start("postgresql@17")) {
            System.out.println("16: " + version(sixteen));
            System.out.println("17: " + version(seventeen));
            System.out.println("data: " + sixteen.dataDir());
            System.out.println("data: " + seventeen.dataDir());
        }
        // The spare copies made in the background belong to the cache the test removes next.
        Pifpaf.awaitSpareCopies(Duration.ofSeconds(60));
    }

    /** {@code daemon}'s answer to {@code select version()} over JDBC. */
    static String version(Daemon daemon) throws SQLException {
        try (Connection db = DriverManager.getConnection(daemon.jdbcUrl());
             ResultSet result = db.createStatement().executeQuery("select version()")) {
            result.next();
            return result.getString(1);
        }
    }
}
