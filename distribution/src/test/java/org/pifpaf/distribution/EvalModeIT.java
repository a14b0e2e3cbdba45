package org.pifpaf.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code eval "$(pifpaf run <driver>)"}: a detached daemon, its variables, and pifpaf_stop. */
class EvalModeIT {

    @BeforeAll
    static void binaries() {
        Binaries.require("memcached", "memcached");
        Binaries.require("redis-server", "redis-server");
    }

    static List<Identity> identities() {
        return Identity.available().toList();
    }

    @ParameterizedTest
    @MethodSource("identities")
    void evalStartsTheDaemonAndPifpafStopRemovesIt(Identity identity) throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(identity, List.of("bash", "-c",
                    "eval \"$(pifpaf run redis --port 0)\" || exit 9; "
                            + "redis-cli -p \"$PIFPAF_REDIS_PORT\" ping; echo \"$PIFPAF_URL\"; "
                            + "pifpaf_stop; echo \"after=${PIFPAF_URL-unset}/${PIFPAF_PID-unset}/${PIFPAF_URLS-unset}\""),
                    tmp.env());
            assertEquals(0, result.exit(), result.toString());
            String[] lines = result.stdout().split("\n");
            assertEquals("PONG", lines[0]);
            assertTrue(lines[1].matches("redis://localhost:\\d+"), lines[1]);
            assertEquals("after=unset/unset/unset", lines[2]);
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @ParameterizedTest
    @MethodSource("identities")
    void envPrefixNamesTheVariablesAndKillingThePidStopsTheDaemon(Identity identity) throws Exception {
        for (List<String> args : List.of(
                List.of("pifpaf", "run", "--env-prefix", "FOOBAR", "memcached", "--port", "0"),
                List.of("pifpaf", "--env-prefix", "FOOBAR", "run", "memcached", "--port", "0"))) {
            try (PrivateTmp tmp = new PrivateTmp()) {
                var result = Launcher.run(identity, args, tmp.env());
                assertEquals(0, result.exit(), result.toString());
                Map<String, String> vars = Launcher.exports(result.stdout());
                String url = vars.get("FOOBAR_URL");
                assertTrue(url.matches("memcached://localhost:\\d+"), url);
                assertEquals(url, vars.get("FOOBAR_MEMCACHED_URL"));
                assertEquals(url, vars.get("PIFPAF_URLS"));
                assertEquals(vars.get("FOOBAR_PID"), vars.get("PIFPAF_PID"));
                assertEquals("memcached", vars.get("FOOBAR_DAEMON"));
                assertTrue(result.stdout().contains("foobar_stop () {"), result.stdout());
                assertTrue(result.stdout().contains("alias pifpaf_stop=foobar_stop"), result.stdout());
                new ProcessBuilder("kill", vars.get("FOOBAR_PID")).start().waitFor();
                assertEquals(List.of(), tmp.leftovers());
            }
        }
    }

    @Test
    void anInnerEvalAppendsItsUrlToTheOuterList() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "--env-prefix", "FOOBAR",
                    "memcached", "--port", "0", "--", "pifpaf", "run", "memcached", "--port", "0"), tmp.env());
            assertEquals(0, result.exit(), result.toString());
            Map<String, String> vars = Launcher.exports(result.stdout());
            String inner = vars.get("PIFPAF_URL");
            assertEquals(inner, vars.get("PIFPAF_MEMCACHED_URL"));
            String[] urls = vars.get("PIFPAF_URLS").split(";");
            assertEquals(2, urls.length, vars.get("PIFPAF_URLS"));
            assertTrue(urls[0].matches("memcached://localhost:\\d+"), urls[0]);
            assertEquals(inner, urls[1]);
            new ProcessBuilder("kill", vars.get("PIFPAF_PID")).start().waitFor();
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void awkwardValuesSurviveEvalUnchanged() throws Exception {
        String password = "it's a \"pass\" $HOME `id` \\ ; é\nnext";
        try (PrivateTmp tmp = new PrivateTmp()) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("bash", "-c",
                    "eval \"$(pifpaf run redis --port 0 --password \"$PW\")\" || exit 9; "
                            + "redis-cli --no-auth-warning -p \"$PIFPAF_REDIS_PORT\" -a \"$PW\" ping; "
                            + "printf '%s' \"$PIFPAF_URL\" > \"$TMPDIR/url\"; pifpaf_stop"),
                    Map.of("TMPDIR", tmp.path().toString(), "PW", password));
            assertEquals(0, result.exit(), result.toString());
            assertEquals("PONG", result.stdout().trim());
            String url = java.nio.file.Files.readString(tmp.path().resolve("url"));
            java.nio.file.Files.delete(tmp.path().resolve("url"));
            String userInfo = url.substring("redis://:".length(), url.lastIndexOf('@'));
            assertEquals(password, java.net.URLDecoder.decode(userInfo.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of(), tmp.leftovers());
        }
    }

    @Test
    void manyAwkwardValuesArriveUnchangedThroughEval(@org.junit.jupiter.api.io.TempDir java.nio.file.Path drivers)
            throws Exception {
        java.nio.file.Files.copy(Launcher.TEST_DRIVERS.resolve("echo.jar"), drivers.resolve("echo.jar"));
        java.util.Random random = new java.util.Random(42);
        String alphabet = "ab '\"$`\\;|&(){}*?!#~\n\t=%é€ ";
        for (int round = 0; round < 8; round++) {
            StringBuilder value = new StringBuilder("v");
            for (int i = 0; i < 1 + random.nextInt(24); i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try (PrivateTmp tmp = new PrivateTmp()) {
                // The data directory's path is awkward too.
                java.nio.file.Path weirdTmp = java.nio.file.Files.createDirectory(tmp.path().resolve("it's a \"dir\" $x é"));
                var result = Launcher.run(Identity.CURRENT_USER, List.of("bash", "-c",
                        "eval \"$(pifpaf --drivers-dir \"$0\" run echo --message \"$VALUE\")\" || exit 9;"
                                + " printf '%s' \"$PIFPAF_ECHO_MESSAGE\" > \"$OUT/message\";"
                                + " printf '%s' \"$PIFPAF_DATA\" > \"$OUT/data\"; pifpaf_stop", drivers.toString()),
                        Map.of("TMPDIR", weirdTmp.toString(), "VALUE", value.toString(), "OUT", tmp.path().toString()));
                assertEquals(0, result.exit(), result.toString());
                assertEquals(value.toString(), java.nio.file.Files.readString(tmp.path().resolve("message")), "round " + round);
                assertTrue(java.nio.file.Files.readString(tmp.path().resolve("data")).startsWith(weirdTmp + "/pifpaf-echo-"));
                java.nio.file.Files.delete(tmp.path().resolve("message"));
                java.nio.file.Files.delete(tmp.path().resolve("data"));
                java.nio.file.Files.delete(weirdTmp);
                assertEquals(List.of(), tmp.leftovers());
            }
        }
    }

    @Test
    void aFailedStartPrintsNothingToEvalAndLeavesNothing() throws Exception {
        try (PrivateTmp tmp = new PrivateTmp();
             var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var result = Launcher.run(Identity.CURRENT_USER, List.of("pifpaf", "run", "redis", "--port",
                    Integer.toString(taken.getLocalPort())), tmp.env());
            assertEquals(4, result.exit(), result.toString());
            assertEquals("", result.stdout());
            assertTrue(result.stderr().contains("is already in use"), result.stderr());
            assertEquals(List.of(), tmp.leftovers());
        }
    }
}
