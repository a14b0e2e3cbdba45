package org.pifpaf.runtime.ready;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pifpaf.api.Ready;

/** The HTTP readiness probe against a small server of the test's own, answering one fixed response. */
class HttpProbeTest {

    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Serves {@code status} with {@code body} to every GET, until the test ends; returns its base URL. */
    private String serving(int status, String body) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request's head: any GET gets the same answer
                    }
                    byte[] content = body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: " + content.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(content);
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or a client that went away
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/";
    }

    private static Probe probe(Ready ready) {
        return Probes.of(ready, null, command -> false);
    }

    @Test
    void theStatusAloneIsEnoughWhenNoTextIsAsked() throws Exception {
        String url = serving(200, "starting");
        assertTrue(probe(Ready.http(url, 200)).holds());
        assertFalse(probe(Ready.http(url, 204)).holds());
    }

    @Test
    void theBodyMustContainTheTextAsked() throws Exception {
        String url = serving(200, "{\"couchdb\":\"Welcome\",\"version\":\"3.3.3\"}");
        assertTrue(probe(Ready.httpContaining(url, 200, "\"couchdb\":\"Welcome\"")).holds());
    }

    @Test
    void theRightStatusWithoutTheTextIsNotReadyAndTheDescriptionSaysWhy() throws Exception {
        String url = serving(200, "{\"error\":\"not yet\"}");
        Probe probe = probe(Ready.httpContaining(url, 200, "\"couchdb\":\"Welcome\""));
        assertFalse(probe.holds());
        assertTrue(probe.describe().endsWith("from " + url + "; last answer: status 200 without the text"),
                probe.describe());
    }

    @Test
    void theTextWithAnotherStatusIsNotReady() throws Exception {
        String url = serving(503, "\"couchdb\":\"Welcome\"");
        assertFalse(probe(Ready.httpContaining(url, 200, "\"couchdb\":\"Welcome\"")).holds());
    }
}
