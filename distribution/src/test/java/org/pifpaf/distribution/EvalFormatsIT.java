package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eval mode's other output formats, consumed by what consumes them. */
class EvalFormatsIT {

    private static final String PASSWORD = "it's \"a\" $secret `x` é";

    @TempDir
    Path dir;

    @BeforeAll
    static void binaries() {
        Binaries.require("redis-server", "redis-server");
    }

    @Test
    void fishSourcesTheVariablesAndStops() throws Exception {
        Binaries.require("fish", "fish");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("fish", "-c",
                    "pifpaf run redis --port 0 --password $PW --format fish | source;"
                            + " redis-cli --no-auth-warning -p $PIFPAF_REDIS_PORT -a $PW ping; pifpaf_stop;"
                            + " echo \"after=[$PIFPAF_URL]\""),
                    Map.of("TMPDIR", tmp.path().toString(), "PW", PASSWORD));
            assertEquals(0, result.exit(), result.toString());
            assertEquals("PONG\nafter=[]\n", result.stdout());
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void jsonCarriesEveryVariable() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "redis", "--port", "0",
                    "--password", PASSWORD, "--format", "json"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            @SuppressWarnings("unchecked")
            Map<String, String> variables = new ObjectMapper().readValue(result.stdout(), Map.class);
            assertTrue(variables.get("PIFPAF_URL").startsWith("redis://:"), variables.toString());
            assertEquals(variables.get("PIFPAF_URL"), variables.get("PIFPAF_REDIS_URL"));
            new ProcessBuilder("kill", variables.get("PIFPAF_PID")).start().waitFor();
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void githubAppendsToGithubEnv() throws Exception {
        Path githubEnv = dir.resolve("github-env");
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "redis", "--port", "0",
                    "--format", "github"), Map.of("TMPDIR", tmp.path().toString(), "GITHUB_ENV", githubEnv.toString()));
            assertEquals(0, result.exit(), result.toString());
            assertEquals("", result.stdout());
            List<String> lines = Files.readAllLines(githubEnv);
            assertTrue(lines.stream().anyMatch(l -> l.matches("PIFPAF_URL=redis://localhost:\\d+")), lines.toString());
            String pid = lines.stream().filter(l -> l.startsWith("PIFPAF_PID=")).findFirst().orElseThrow().substring(11);
            new ProcessBuilder("kill", pid).start().waitFor();
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "redis", "--format", "xml"),
                    tmp.env());
            assertEquals(2, result.exit(), result.toString());
            assertTrue(result.stderr().contains("--format: 'xml'"), result.stderr());
            var github = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "redis", "--format", "github"),
                    tmp.env());
            assertEquals(2, github.exit(), github.toString());
            assertEquals(List.of(), tmp.leftovers());
        }
    }
}
