package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriverPrefetchTest {

    private static List<String> candidates(String... args) {
        return DriverPrefetch.candidates(args);
    }

    @Test
    void theDriverIsAmongTheFirstWordsAfterRunThatAreNotOptions() {
        assertEquals(List.of("redis", "redis-cli"), candidates("run", "redis", "redis-cli", "ping"));
        assertEquals(List.of("redis"), candidates("-v", "run", "--keep-data", "redis"));
        // An option's value may come first; the parsed command line decides which it is.
        assertEquals(List.of("5", "postgresql"), candidates("--debug", "run", "--timeout", "5", "postgresql", "--", "psql"));
    }

    @Test
    void nothingIsGuessedWithoutRunOrPastTheDoubleDash() {
        assertEquals(List.of(), candidates("list-drivers"));
        assertEquals(List.of(), candidates("run"));
        assertEquals(List.of(), candidates("run", "--", "redis"));
        assertEquals(List.of("stack.yaml"), candidates("run", "-f", "stack.yaml", "--", "make"));
    }
}
