package org.pifpaf.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval-mode formats other than sh keep every value intact. */
class EvalFormatTest {

    private static final String AWKWARD = "it's \"x\" $HOME `id` \\ é\nsecond line\ttab";

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PIFPAF_URL", "redis://localhost:1");
        variables.put("PIFPAF_SECRET", AWKWARD);
        return variables;
    }

    @Test
    void jsonIsAnObjectOfTheVariablesInOrder() throws Exception {
        String json = EvalFormat.JSON.render(variables(), "PIFPAF", "redis", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, String> parsed = new ObjectMapper().readValue(json, LinkedHashMap.class);
        assertEquals(variables(), parsed);
    }

    @Test
    void dotenvEscapesWhatDotenvParsersUnescape() throws Exception {
        String dotenv = EvalFormat.DOTENV.render(variables(), "PIFPAF", "redis", Map.of());
        assertEquals("PIFPAF_URL=\"redis://localhost:1\"\n"
                + "PIFPAF_SECRET=\"it's \\\"x\\\" \\$HOME `id` \\\\ é\\nsecond line\ttab\"\n", dotenv);
    }

    @Test
    void fishSetsGlobalExportsAndAStopFunction() throws Exception {
        String fish = EvalFormat.FISH.render(variables(), "CACHE", "redis", Map.of());
        assertTrue(fish.contains("set -gx PIFPAF_SECRET 'it\\'s \"x\" $HOME `id` \\\\ é\nsecond line\ttab';"), fish);
        assertTrue(fish.contains("function cache_stop; kill $CACHE_PID;"), fish);
        assertTrue(fish.contains("set -e PIFPAF_URL PIFPAF_SECRET;"), fish);
        assertTrue(fish.contains("function pifpaf_stop; cache_stop; end;"), fish);
    }

    @Test
    void githubAppendsToGithubEnvWithDelimitersForMultiLineValues(@TempDir Path dir) throws Exception {
        Path githubEnv = Files.writeString(dir.resolve("env"), "EARLIER=1\n");
        assertEquals("", EvalFormat.GITHUB.render(variables(), "PIFPAF", "redis", Map.of("GITHUB_ENV", githubEnv.toString())));
        String[] lines = Files.readString(githubEnv).split("\n");
        assertEquals("EARLIER=1", lines[0]);
        assertEquals("PIFPAF_URL=redis://localhost:1", lines[1]);
        assertTrue(lines[2].startsWith("PIFPAF_SECRET<<PIFPAF_"), lines[2]);
        String delimiter = lines[2].substring("PIFPAF_SECRET<<".length());
        assertEquals("it's \"x\" $HOME `id` \\ é", lines[3]);
        assertEquals("second line\ttab", lines[4]);
        assertEquals(delimiter, lines[5]);
    }

    @Test
    void githubWithoutGithubEnvIsAnError() {
        assertThrows(IOException.class, () -> EvalFormat.GITHUB.render(variables(), "PIFPAF", "redis", Map.of()));
    }
}
