package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On a terminal (a pseudo-terminal made by script(1)): colour in list-drivers, a progress
 * line during a slow start and a bar during a slow download; neither with NO_COLOR (colour) or
 * off a terminal.
 */
class TerminalIT {

    private static final String ESC = "\u001b[";

    private static Launcher.Result onATerminal(String command, Map<String, String> env) throws Exception {
        Binaries.require("script", "bsdutils");
        Map<String, String> all = new HashMap<>(env);
        all.put("TERM", "xterm");
        return Launcher.run(Identity.CURRENT_USER, List.of("script", "-qefc", command, "/dev/null"), all);
    }

    @Test
    void listDriversIsColouredOnATerminalOnly() throws Exception {
        var coloured = onATerminal(Launcher.PIFPAF + " list-drivers", Map.of());
        assertEquals(0, coloured.exit(), coloured.toString());
        assertTrue(coloured.stdout().contains(ESC + "32m"), coloured.stdout());
        var noColour = onATerminal(Launcher.PIFPAF + " list-drivers", Map.of("NO_COLOR", "1"));
        assertFalse(noColour.stdout().contains(ESC), noColour.stdout());
        var piped = Launcher.pifpaf(Identity.CURRENT_USER, "list-drivers");
        assertFalse(piped.stdout().contains(ESC), piped.stdout());
    }

    @Test
    void aSlowStartShowsWhatItWaitsForThenClearsTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path drivers)
            throws Exception {
        java.nio.file.Files.copy(Launcher.TEST_DRIVERS.resolve("echo.jar"), drivers.resolve("echo.jar"));
        try (PrivateTmp tmp = new PrivateTmp()) {
            // The echo daemon is ready only when its line shows; sleeping first makes the start slow.
            var result = onATerminal(Launcher.PIFPAF + " --drivers-dir " + drivers + " run echo --message 'slow start'"
                    + " --ready 'never' --timeout 2 -- true", tmp.env());
            assertEquals(5, result.exit(), result.toString());
            String screen = result.stdout();
            assertTrue(screen.contains("starting echo (sh: waiting for a log line matching /never/)"), screen);
            assertTrue(screen.contains("\r" + ESC + "K"), "the line is wiped before the error: " + screen);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    /** A download slow enough to be seen: the bar shows the file, how much of how much, and the rate. */
    @Test
    void aFetchShowsTheDownloadsBarThenClearsIt() throws Exception {
        try (ProvisionFixture provision = new ProvisionFixture(); PrivateTmp tmp = new PrivateTmp()) {
            provision.repository().slowDown("embedded-redis-1.4.4.jar", java.time.Duration.ofSeconds(3));
            var result = onATerminal(Launcher.PIFPAF + " fetch redis", provision.env(tmp));
            assertEquals(0, result.exit(), result.toString());
            String screen = result.stdout();
            assertTrue(java.util.regex.Pattern.compile("fetching embedded-redis-1\\.4\\.4\\.jar \\[#*\\.*\\]"
                    + " [0-9]+\\.[0-9]/[0-9]+\\.[0-9] MB [0-9]+\\.[0-9] MB/s").matcher(screen).find(), screen);
            assertTrue(screen.contains("\r" + ESC + "K"), "the line is wiped: " + screen);
            assertTrue(screen.contains("redis  com.github.codemonstur:embedded-redis:1.4.4  "), screen);
            assertFalse(screen.contains("downloaded "), "no log line where the bar is drawn: " + screen);
        }
    }
}
