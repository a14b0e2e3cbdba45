package org.pifpaf.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Eval output through real shells: values arrive unchanged, the stop function undoes it all. */
class EvalScriptTest {

    @TempDir
    Path dir;

    private String shell(String shell, String script, Map<String, String> env) throws Exception {
        Path file = dir.resolve("script.sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder(shell, file.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "sh"})
    void awkwardValuesArriveUnchanged(String shell) throws Exception {
        Random random = new Random(42);
        String alphabet = "ab '\"$`\\;|&(){}*?!#~\n\t=%é€\u00a0";
        for (int round = 0; round < 30; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < random.nextInt(20); i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Map<String, String> variables = Map.of("PIFPAF_VALUE", value.toString());
            String script = EvalScript.render(variables, "PIFPAF", "redis", Map.of())
                    + "printf '%s' \"$PIFPAF_VALUE\"\n";
            assertEquals(value.toString(), shell(shell, script, Map.of()), "round " + round);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "sh"})
    void theStopFunctionStopsThePidAndRestoresTheVariables(String shell) throws Exception {
        Process holder = new ProcessBuilder("sleep", "60").start();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("FOO_URL", "redis://localhost:1");
        variables.put("FOO_PID", Long.toString(holder.pid()));
        variables.put("PIFPAF_PID", Long.toString(holder.pid()));
        variables.put("PIFPAF_URLS", "memcached://x;redis://localhost:1");
        Map<String, String> before = Map.of("PIFPAF_URLS", "memcached://x", "PIFPAF_PID", "123");
        String script = "PS1='my prompt$ '\n"
                + EvalScript.render(variables, "FOO", "redis", before)
                + "echo \"during=$PS1|$FOO_URL\"\n"
                + "foo_stop\n"
                + "echo \"after=$PS1|${FOO_URL-unset}|${FOO_PID-unset}|$PIFPAF_URLS|$PIFPAF_PID\"\n";
        String output = shell(shell, script, Map.of("PIFPAF_URLS", "memcached://x", "PIFPAF_PID", "123"));
        assertTrue(output.contains("during=(pifpaf/redis) my prompt$ |redis://localhost:1"), output);
        assertTrue(output.contains("after=my prompt$ |unset|unset|memcached://x|123"), output);
        assertTrue(holder.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(holder.isAlive());
    }

    @Test
    void theDefaultPrefixNeedsNoAlias() {
        String script = EvalScript.render(Map.of("PIFPAF_PID", "1"), "PIFPAF", "redis", Map.of());
        assertTrue(script.contains("pifpaf_stop () {"), script);
        assertFalse(script.contains("alias pifpaf_stop="), script);
        assertTrue(EvalScript.render(Map.of("X_PID", "1"), "X", "redis", Map.of())
                .contains("alias pifpaf_stop=x_stop"));
    }

    @Test
    void everyLineEndsWithASemicolonSoJoinedLinesStillWork() {
        EvalScript.render(Map.of("A", "1", "B", "two"), "PIFPAF", "redis", Map.of()).lines()
                .forEach(line -> assertTrue(line.endsWith(";"), line));
    }
}
