package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.runtime.ProvisionMode;

/**
 * PostgreSQL 16 and 17 from zonky's builds on Maven Central, started side by side through the
 * library, each answering {@code select version()} with its own version. As root (CI), both
 * run as {@code nobody} from the shared tree directory.
 */
class ProvisionedPostgresqlTest {

    @Test
    void sixteenAndSeventeenRunSideBySide() throws SQLException {
        Path trees = ProvisionedTreesDir.shared();
        try (Daemon sixteen = Pifpaf.daemon("postgresql@16").provisioning(ProvisionMode.PROVISIONED)
                .provisionDir(trees).start();
             Daemon seventeen = Pifpaf.daemon("postgresql@17").provisioning(ProvisionMode.PROVISIONED)
                .provisionDir(trees).start()) {
            assertTrue(version(sixteen).startsWith("PostgreSQL 16."), version(sixteen));
            assertTrue(version(seventeen).startsWith("PostgreSQL 17."), version(seventeen));
            // Variables and URLs do not depend on the version.
            assertTrue(sixteen.url().startsWith("postgresql://localhost/postgres?host="), sixteen.url());
            assertEquals(sixteen.environment().keySet(), seventeen.environment().keySet());
        }
    }

    private static String version(Daemon daemon) throws SQLException {
        try (Connection db = DriverManager.getConnection(daemon.jdbcUrl());
             ResultSet result = db.createStatement().executeQuery("select version()")) {
            result.next();
            return result.getString(1);
        }
    }
}
