package org.pifpaf.driver.gnocchi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.pifpaf.api.RunningDaemon;
import org.pifpaf.testkit.DriverTestKit;
import org.pifpaf.testkit.DriverTestKit.ClientResult;

/** Gnocchi's own client and plain HTTP, given nothing but a daemon's exported variables. */
final class Clients {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Clients() {
    }

    /**
     * Runs {@code gnocchi} (python3-gnocchiclient) with the daemon's variables and none of the
     * machine's own OpenStack or Gnocchi settings, and asserts that it succeeds.
     *
     * @return its output
     */
    static String gnocchi(RunningDaemon daemon, String... args) {
        ClientResult result = gnocchiResult(daemon, args);
        assertEquals(0, result.status(), "gnocchi " + String.join(" ", args) + ": " + result.output());
        return result.output();
    }

    /** Runs {@code gnocchi} like {@link #gnocchi}, whatever its status. */
    static ClientResult gnocchiResult(RunningDaemon daemon, String... args) {
        List<String> argv = new ArrayList<>(List.of("gnocchi"));
        argv.addAll(List.of(args));
        return DriverTestKit.runClient(argv, env -> {
            env.keySet().removeIf(name -> name.startsWith("OS_") || name.startsWith("GNOCCHI_"));
            env.putAll(daemon.environment());
        });
    }

    /** Runs {@code gnocchi} every half second until its output passes {@code test}, for up to a minute. */
    static String gnocchiUntil(Predicate<String> test, RunningDaemon daemon, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        ClientResult last;
        do {
            last = gnocchiResult(daemon, args);
            if (last.status() == 0 && test.test(last.output())) {
                return last.output();
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("gnocchi " + String.join(" ", args) + " never gave what was expected: " + last.output());
    }

    /** A GET of {@code url}: its status and body. */
    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A metric created, a measure added to it, and the measure read back once metricd has processed it.
     *
     * @return the metric's id
     */
    static String aMeasureIsWrittenAndReadBack(RunningDaemon daemon) throws InterruptedException {
        String metric = gnocchi(daemon, "metric", "create", "--archive-policy-name", "low", "-f", "value", "-c", "id").strip();
        gnocchi(daemon, "measures", "add", "-m", "2026-12-05T10:00:00@42", metric);
        String measures = gnocchiUntil(out -> out.contains("42.0"), daemon, "measures", "show", "--refresh",
                "-f", "value", metric);
        assertTrue(measures.contains("2026-12-05T10:00:00"), measures);
        return metric;
    }
}
