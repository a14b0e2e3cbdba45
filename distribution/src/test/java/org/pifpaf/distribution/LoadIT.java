package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bounded stress test: many concurrent pifpaf runs, all succeed, nothing is left behind. */
class LoadIT {

    private static final int CONCURRENT = 8;
    private static final int ROUNDS = 3;

    @BeforeAll
    static void binaries() {
        Binaries.require("redis-server", "redis-server");
    }

    @Test
    void eightConcurrentRedisRunsSucceedRepeatedly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try (PrivateTmp tmp = new PrivateTmp()) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<Launcher.Result>> runs = new ArrayList<>();
                for (int i = 0; i < CONCURRENT; i++) {
                    runs.add(pool.submit(() -> Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "redis",
                            "--port", "0", "--", "sh", "-c", "redis-cli -p \"$PIFPAF_REDIS_PORT\" ping"), tmp.env())));
                }
                for (Future<Launcher.Result> run : runs) {
                    Launcher.Result result = run.get();
                    assertEquals(0, result.exit(), result.toString());
                    assertEquals("PONG", result.stdout().trim(), result.toString());
                }
            }
            assertEquals(List.of(), tmp.leftovers());
        } finally {
            pool.shutdownNow();
        }
    }
}
