package org.pifpaf.distribution.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.pifpaf.Daemon;
import org.pifpaf.junit5.PifpafDaemon;

/**
 * The JUnit extension's side of {@code ProvisionedAsUserIT}: PostgreSQL 16 and 17 declared on
 * fields, run by {@link ExtensionProbe} in the unprivileged user's JVM (not by failsafe: the
 * name matches none of its patterns).
 */
class PostgresqlVersionsProbe {

    @PifpafDaemon(driver = "postgresql@16")
    Daemon sixteen;

    @PifpafDaemon(driver = "postgresql@17")
    Daemon seventeen;

    @Test
    void eachAnswersWithItsVersion() throws SQLException {
        String versionSixteen = LibraryProbe.version(sixteen);
        String versionSeventeen = LibraryProbe.version(seventeen);
        System.out.println("16: " + versionSixteen);
        System.out.println("17: " + versionSeventeen);
        assertTrue(versionSixteen.startsWith("PostgreSQL 16."), versionSixteen);
        assertTrue(versionSeventeen.startsWith("PostgreSQL 17."), versionSeventeen);
    }
}
