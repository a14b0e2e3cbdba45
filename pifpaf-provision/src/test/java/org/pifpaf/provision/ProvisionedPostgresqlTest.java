package org.pifpaf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.runtime.ProvisionMode;
import org.pifpaf.runtime.StartFailedException;
import org.pifpaf.testkit.MavenRepositoryServer;
import org.pifpaf.testkit.MissingBinaries;

/**
 * PostgreSQL 16 and 17 from zonky's builds on Maven Central, started side by side through the
 * library, each answering {@code select version()} with its own version. As root (CI), both
 * run as {@code nobody} from the shared tree directory. And the installed PostgreSQL when its
 * major version is the one asked for.
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

    /**
     * {@code postgresql@<installed major>} in the default mode takes the installed binary: with
     * the only repository unreachable and no tree kept, nothing could have been fetched.
     */
    @Test
    void anInstalledBinaryOfTheAskedMajorVersionWins(@TempDir Path scratch) throws Exception {
        String installed;
        try (Daemon any = Pifpaf.daemon("postgresql").provisioning(ProvisionMode.INSTALLED).start()) {
            installed = version(any);
        } catch (StartFailedException e) {
            // Not installed: skipped and listed in the build's summary, or failed in CI, as everywhere.
            MissingBinaries.causeOf(e).ifPresent(MissingBinaries::skipOrFail);
            throw e;
        }
        String major = installed.split("[ .]")[1];
        Path trees = EmbeddedRedis.open(scratch.resolve("trees"));
        System.setProperty("pifpaf.maven.settings", MavenRepositoryServer.settings(EmbeddedRedis.open(scratch),
                "http://127.0.0.1:1/", scratch.resolve("repository")).toString());
        try (Daemon asked = Pifpaf.daemon("postgresql@" + major).provisionDir(trees).start()) {
            assertEquals(installed, version(asked));
        } finally {
            System.clearProperty("pifpaf.maven.settings");
        }
        try (Stream<Path> kept = Files.list(trees)) {
            assertEquals(List.of(), kept.toList(), "nothing provisioned");
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
