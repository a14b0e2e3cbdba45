package org.pifpaf.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake executables contract tests use: strict about what they are handed, faithful after. */
class FakeExecutableTest {

    @TempDir
    Path dir;

    private record Run(int status, String output) {
    }

    private Run run(Path fake, Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(fake.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("FAKE_MODE");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }

    private Path oneShot() {
        return FakeExecutable.named("tool")
                .on(Invocation.withArgs("--version").prints("tool 1.2").exits(0))
                .on(Invocation.withArgs("--port", "${port:\\d+}", "--conf", "${data}/tool.conf")
                        .env("FAKE_MODE", "strict")
                        .unsetEnv("FAKE_UNWANTED")
                        .file("${data}/tool.conf", "port = ${port}\nsecret = ${secret:[a-z]{4}}\n")
                        .prints("served on ${port} with ${secret}").exits(3))
                .writeInto(dir.resolve("bin"));
    }

    @Test
    void anInvocationKeptPrintsItsCapturesThenActs() throws Exception {
        Files.writeString(dir.resolve("tool.conf"), "port = 1234\nsecret = abcd\n");
        Run run = run(oneShot(), Map.of("FAKE_MODE", "strict"), "--port", "1234", "--conf", dir + "/tool.conf");
        assertEquals(3, run.status(), run.output());
        assertEquals(List.of("FAKE tool: handed [--port, 1234, --conf, " + dir + "/tool.conf]", "FAKE tool: contract kept",
                "CAPTURED port=1234", "CAPTURED secret=abcd", "served on 1234 with abcd"), run.output().lines().toList());
        assertEquals(new Run(0, "FAKE tool: handed [--version]\nFAKE tool: contract kept\ntool 1.2\n"),
                run(oneShot(), Map.of(), "--version"));
    }

    @Test
    void argumentsThatMatchNoInvocationBreakTheContract() throws Exception {
        Run run = run(oneShot(), Map.of(), "--port", "1234", "--conf", "/elsewhere/tool.conf");
        assertEquals(FakeDaemon.BROKEN, run.status(), run.output());
        assertTrue(run.output().contains("contract broken: the arguments [--port, 1234, --conf, /elsewhere/tool.conf]"
                + " are none of the expected ones:\n  [--version]\n  [--port, ${port:\\d+}, --conf, ${data}/tool.conf]"),
                run.output());
        assertEquals(FakeDaemon.BROKEN, run(oneShot(), Map.of(), "--version", "--verbose").status());
        assertEquals(FakeDaemon.BROKEN, run(oneShot(), Map.of()).status());
    }

    @Test
    void aVariableOrAFileThatDiffersBreaksTheContract() throws Exception {
        Files.writeString(dir.resolve("tool.conf"), "port = 1234\nsecret = abcd\n");
        String conf = dir + "/tool.conf";
        Run wrongValue = run(oneShot(), Map.of("FAKE_MODE", "lax"), "--port", "1234", "--conf", conf);
        assertEquals(FakeDaemon.BROKEN, wrongValue.status());
        assertTrue(wrongValue.output().contains("variable FAKE_MODE is \"lax\"; expected \"strict\""), wrongValue.output());
        Run missing = run(oneShot(), Map.of(), "--port", "1234", "--conf", conf);
        assertTrue(missing.output().contains("variable FAKE_MODE is not set"), missing.output());
        Run unwanted = run(oneShot(), Map.of("FAKE_MODE", "strict", "FAKE_UNWANTED", "1"), "--port", "1234", "--conf", conf);
        assertTrue(unwanted.output().contains("variable FAKE_UNWANTED is set (\"1\"); expected it unset"), unwanted.output());

        // The port in the file must be the one in the arguments; the secret must have its form.
        Files.writeString(dir.resolve("tool.conf"), "port = 1235\nsecret = abcd\n");
        Run otherPort = run(oneShot(), Map.of("FAKE_MODE", "strict"), "--port", "1234", "--conf", conf);
        assertEquals(FakeDaemon.BROKEN, otherPort.status());
        assertTrue(otherPort.output().contains("the file " + conf + " differs.\n--- expected\nport = ${port}\n"),
                otherPort.output());
        Files.writeString(dir.resolve("tool.conf"), "port = 1234\nsecret = ABCD\n");
        assertEquals(FakeDaemon.BROKEN, run(oneShot(), Map.of("FAKE_MODE", "strict"), "--port", "1234", "--conf", conf)
                .status());
        Files.delete(dir.resolve("tool.conf"));
        Run noFile = run(oneShot(), Map.of("FAKE_MODE", "strict"), "--port", "1234", "--conf", conf);
        assertTrue(noFile.output().contains("no file " + conf), noFile.output());
    }

    @Test
    void servesHttpRoutesAsTheDaemonWouldUntilKilled() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path fake = FakeExecutable.named("server")
                .on(Invocation.withArgs("-token=${token:[a-z]+}", "-port=${port:\\d+}")
                        .servesHttp("${port}", Route.get("/", 200, "{\"hello\":\"world\"}"),
                                Route.get("/secret", 200, "{\"token\":\"${token}\"}").withHeader("X-Token", "${token}"),
                                Route.get("/admin", 200, "{}").withBasicAuth("admin", "${token}"))
                        .prints("listening"))
                .writeInto(dir.resolve("bin"));
        Process server = new ProcessBuilder(fake.toString(), "-token=abc", "-port=" + port).redirectErrorStream(true).start();
        try {
            var output = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
            for (String line = output.readLine(); !"listening".equals(line); line = output.readLine()) {
                assertTrue(line != null, "the fake ended before it served");
            }
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            assertEquals("{\"hello\":\"world\"}", get(http, HttpRequest.newBuilder(URI.create(base + "/"))).body());
            assertEquals(401, get(http, HttpRequest.newBuilder(URI.create(base + "/secret"))).statusCode());
            assertEquals("{\"token\":\"abc\"}", get(http, HttpRequest.newBuilder(URI.create(base + "/secret"))
                    .header("X-Token", "abc")).body());
            assertEquals(401, get(http, HttpRequest.newBuilder(URI.create(base + "/admin"))
                    .header("Authorization", "Basic YWRtaW46eHl6")).statusCode()); // admin:xyz
            assertEquals(200, get(http, HttpRequest.newBuilder(URI.create(base + "/admin"))
                    .header("Authorization", "Basic YWRtaW46YWJj")).statusCode()); // admin:abc
            assertEquals(404, get(http, HttpRequest.newBuilder(URI.create(base + "/elsewhere"))).statusCode());
        } finally {
            server.destroy(); // SIGTERM, as the runtime's default stop
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the fake outlived SIGTERM");
        }
    }

    private static HttpResponse<String> get(HttpClient http, HttpRequest.Builder request) throws IOException,
            InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
