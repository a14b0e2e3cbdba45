package org.pifpaf.runtime.ready;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.pifpaf.api.Ready;

/**
 * Gets a URL until it answers with the expected status and, when asked, a body containing the
 * expected text. Its description tells the last answer, so that a timeout says why.
 */
final class HttpProbe implements Probe {

    private final Ready.Http http;
    private final HttpClient client;
    private final HttpRequest request;
    private boolean held;
    private String lastAnswer;

    HttpProbe(Ready.Http http) {
        this.http = http;
        // Plain HTTP/1.1: no h2c upgrade offer, which some daemons' simple servers (Python's
        // wsgiref, HTTP/1.0) have no use for.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Probes.CONNECT_TIMEOUT_MILLIS)).build();
        this.request = HttpRequest.newBuilder(http.uri()).timeout(Duration.ofSeconds(2)).GET().build();
    }

    @Override
    public boolean holds() throws InterruptedException {
        if (!held) {
            held = answers();
        }
        return held;
    }

    private boolean answers() throws InterruptedException {
        try {
            if (http.bodyContaining().isEmpty()) {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                lastAnswer = "status " + status;
                return status == http.status();
            }
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean contains = response.body().contains(http.bodyContaining().get());
            lastAnswer = "status " + response.statusCode() + (contains ? " with" : " without") + " the text";
            return response.statusCode() == http.status() && contains;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return lastAnswer == null || held ? http.toString() : http + "; last answer: " + lastAnswer;
    }
}
