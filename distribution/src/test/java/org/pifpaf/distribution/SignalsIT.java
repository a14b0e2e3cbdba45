package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signals to pifpaf stop the command and the daemon, at any moment, and exit with 128+N. */
class SignalsIT {

    @BeforeAll
    static void binaries() {
        Binaries.require("memcached", "memcached");
        Binaries.require("initdb", "postgresql");
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aSignalStopsTheCommandAndTheDaemon(String signal, int status) throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Process pifpaf = Launcher.start(Identity.CURRENT_USER, List.of("pifpaf", "run", "memcached", "--port", "0",
                    "--", "sh", "-c", "echo $$; exec sleep 60"), tmp.env());
            long commandPid = Long.parseLong(new BufferedReader(new InputStreamReader(pifpaf.getInputStream())).readLine());
            new ProcessBuilder("kill", "-s", signal, Long.toString(pifpaf.pid())).start().waitFor();
            assertTrue(pifpaf.waitFor(30, TimeUnit.SECONDS), "pifpaf did not exit");
            assertEquals(status, pifpaf.exitValue());
            assertFalse(ProcessHandle.of(commandPid).map(ProcessHandle::isAlive).orElse(false), "command still running");
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void aSignalDuringStartUpStopsWhatWasStarted() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Process pifpaf = Launcher.start(Identity.CURRENT_USER,
                    List.of("pifpaf", "run", "postgresql", "--port", "0", "--", "true"), tmp.env());
            awaitDataDirectory(tmp.path());
            new ProcessBuilder("kill", "-s", "TERM", Long.toString(pifpaf.pid())).start().waitFor();
            assertTrue(pifpaf.waitFor(30, TimeUnit.SECONDS), "pifpaf did not exit");
            assertEquals(143, pifpaf.exitValue());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void ctrlCDuringAnEvalStartStopsTheSupervisorToo() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            Process pifpaf = Launcher.start(Identity.CURRENT_USER,
                    List.of("pifpaf", "run", "postgresql", "--port", "0"), tmp.env());
            awaitDataDirectory(tmp.path());
            new ProcessBuilder("kill", "-s", "INT", Long.toString(pifpaf.pid())).start().waitFor();
            assertTrue(pifpaf.waitFor(30, TimeUnit.SECONDS), "pifpaf did not exit");
            assertEquals(130, pifpaf.exitValue());
            assertEquals("", new String(pifpaf.getInputStream().readAllBytes()));
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    private static void awaitDataDirectory(Path tmp) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> entries = Files.list(tmp)) {
                if (entries.anyMatch(p -> p.getFileName().toString().startsWith("pifpaf-postgresql-"))) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the start never began");
    }
}
