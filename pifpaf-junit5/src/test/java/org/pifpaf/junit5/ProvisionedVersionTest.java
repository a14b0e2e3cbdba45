package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;

/**
 * {@code driver@version} through the annotation: PostgreSQL 17 and 16, installed if they are,
 * else fetched from Maven Central (the extension brings pifpaf-provision), side by side.
 */
class ProvisionedVersionTest {

    @PifpafDaemon(driver = "postgresql@17")
    Daemon seventeen;

    @PifpafDaemon(driver = "postgresql@16")
    Daemon sixteen;

    @Test
    void eachAnswersWithItsVersion() throws SQLException {
        assertTrue(version(seventeen).startsWith("PostgreSQL 17."), version(seventeen));
        assertTrue(version(sixteen).startsWith("PostgreSQL 16."), version(sixteen));
    }

    private static String version(Daemon daemon) throws SQLException {
        try (Connection db = DriverManager.getConnection(daemon.jdbcUrl());
             ResultSet result = db.createStatement().executeQuery("select version()")) {
            result.next();
            return result.getString(1);
        }
    }
}
