package org.pifpaf.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pifpaf.Daemon;
import org.pifpaf.Pifpaf;
import org.pifpaf.testkit.SkipWhenMissing;

/** Four PostgreSQL fixtures started at once in one JVM, repeatedly: distinct ports, all clean. */
@ExtendWith(SkipWhenMissing.class)
class ConcurrentFixturesTest {

    @Test
    void fourPostgresqlFixturesAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<Daemon>> starts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    starts.add(pool.submit(() -> Pifpaf.start("postgresql")));
                }
                Set<Integer> ports = new HashSet<>();
                List<Path> dataDirs = new ArrayList<>();
                for (Future<Daemon> start : starts) {
                    try (Daemon pg = start.get();
                         Connection db = DriverManager.getConnection(pg.jdbcUrl());
                         Statement sql = db.createStatement();
                         ResultSet rows = sql.executeQuery("select 1")) {
                        rows.next();
                        assertEquals(1, rows.getInt(1));
                        ports.add(pg.port());
                        dataDirs.add(pg.dataDir());
                    }
                }
                assertEquals(4, ports.size(), "no port clash");
                dataDirs.forEach(dir -> assertFalse(Files.exists(dir), dir + " still there"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
