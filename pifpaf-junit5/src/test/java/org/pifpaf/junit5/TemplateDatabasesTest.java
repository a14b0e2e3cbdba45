package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.pifpaf.Daemon;
import org.pifpaf.DatabaseTemplate;
import org.pifpaf.Pifpaf;
import org.pifpaf.TestDatabase;

/** A fresh PostgreSQL database per test, copied from a template the class prepared once. */
class TemplateDatabasesTest {

    static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    @Test
    void theLibraryHandsOutCopiesAndDropsThemAll() throws Exception {
        try (Daemon pg = Pifpaf.start("postgresql")) {
            try (DatabaseTemplate template = DatabaseTemplate.of(pg, db -> execute(db,
                    "create table orders (id int primary key, item text)", "insert into orders values (1, 'pif')"))) {
                try (TestDatabase first = template.newDatabase(); TestDatabase second = template.newDatabase()) {
                    assertNotEquals(first.name(), second.name());
                    try (Connection db = DriverManager.getConnection(first.jdbcUrl())) {
                        execute(db, "insert into orders values (2, 'paf')");
                        assertEquals("2", queryOne(db, "select count(*) from orders"));
                    }
                    try (Connection db = DriverManager.getConnection(second.jdbcUrl())) {
                        assertEquals("1", queryOne(db, "select count(*) from orders"), "a copy of the template, not of the first");
                        assertEquals(second.name(), queryOne(db, "select current_database()"));
                    }
                }
            }
            try (Connection db = DriverManager.getConnection(pg.jdbcUrl())) {
                assertEquals("0", queryOne(db, "select count(*) from pg_database where datname like 'pifpaf_%'"),
                        "the copies and the template are dropped");
            }
        }
    }

    @Test
    void aTemplateNeedsAPostgresqlDaemon() {
        try (Daemon redis = Pifpaf.start("redis")) {
            assertThrows(IllegalArgumentException.class, () -> DatabaseTemplate.of(redis, db -> { }));
        }
    }

    @PifpafDaemon(driver = "postgresql")
    static class RepositoryTests {
        @PifpafTemplate
        static void schema(Connection db) throws SQLException {
            execute(db, "create table orders (id int primary key, item text)", "insert into orders values (1, 'pif')");
        }

        @Test
        void first(TestDatabase database) throws SQLException {
            addsARowToAFreshCopy(database);
        }

        @Test
        void second(TestDatabase database) throws SQLException {
            addsARowToAFreshCopy(database);
        }

        private static void addsARowToAFreshCopy(TestDatabase database) throws SQLException {
            NAMES.add(database.name());
            try (Connection db = DriverManager.getConnection(database.jdbcUrl())) {
                assertEquals("1", queryOne(db, "select count(*) from orders"), "only the template's row");
                execute(db, "insert into orders values (2, 'paf')");
            }
        }
    }

    @Test
    void theExtensionGivesEachTestAFreshCopyOfTheClasssTemplate() {
        NAMES.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(RepositoryTests.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(2, NAMES.size(), "two databases: " + NAMES);
    }

    static void execute(Connection db, String... statements) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static String queryOne(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
