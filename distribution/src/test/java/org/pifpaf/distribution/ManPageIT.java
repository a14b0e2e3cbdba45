package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped man page renders without warnings and documents the drivers and statuses. */
class ManPageIT {

    private static final Path PAGE = Launcher.PIFPAF.getParent().resolve("../man/man1/pifpaf.1").normalize();

    @Test
    void rendersWithoutWarningsAndDocumentsEveryDriver() throws Exception {
        Binaries.require("man", "man-db");
        var result = Launcher.run(Identity.CURRENT_USER, List.of("man", "--warnings", "-l", PAGE.toString()),
                Map.of("MANWIDTH", "100", "MANPAGER", "cat", "PAGER", "cat"));
        assertEquals(0, result.exit(), result.toString());
        assertEquals("", result.stderr(), "roff warnings");
        String page = result.stdout();
        for (String expected : List.of("NAME", "SYNOPSIS", "RUN OPTIONS", "DRIVERS", "EXIT STATUS",
                "postgresql", "rabbitmq", "--sentinel-port", "--timeout SECONDS", "SERVER", "pifpaf server start",
                "--idle DURATION", "PIFPAF_SERVER")) {
            assertTrue(page.contains(expected), expected + " missing from:\n" + page);
        }
    }
}
