package org.pifpaf.testkit.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The listeners a fake opens on 127.0.0.1: a plain one that accepts and closes (a port that only
 * has to be open), or a minimal HTTP/1.1 server answering fixed routes, one request per
 * connection. Enough for readiness probes, {@code curl} and Java's HTTP client; nothing more.
 */
final class TinyServers {

    private TinyServers() {
    }

    /**
     * Binds {@code port} now (exiting the fake if it is taken, as a daemon would), then serves it
     * on a thread of its own: {@code routes} (method, path, status, body, requirement kind and
     * fields, rendered) or, when {@code null}, plain accepts.
     */
    static void listen(int port, List<List<String>> routes) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            System.out.println("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            System.exit(1);
        }
        Thread thread = new Thread(() -> {
            while (true) {
                try (Socket client = server.accept()) {
                    if (routes != null) {
                        client.setSoTimeout(2_000);
                        answer(client, routes);
                    }
                } catch (IOException e) {
                    // One client's trouble; serve the next.
                }
            }
        }, "fake-port-" + port);
        thread.start();
    }

    private static void answer(Socket client, List<List<String>> routes) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine == null) {
            return; // a connection probe
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        String[] parts = requestLine.split(" ");
        int status = 404;
        String body = "{\"error\":\"not_found\"}";
        for (List<String> route : routes) {
            if (parts.length >= 2 && route.get(0).equals(parts[0]) && route.get(1).equals(parts[1])) {
                if (allowed(route, headers)) {
                    status = Integer.parseInt(route.get(2));
                    body = route.get(3);
                } else {
                    status = 401;
                    body = "{\"error\":\"unauthorized\"}";
                }
                break;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + " " + (status < 300 ? "OK" : "Error") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static boolean allowed(List<String> route, Map<String, String> headers) {
        return switch (route.get(4)) {
            case "header" -> route.get(6).equals(headers.get(route.get(5).toLowerCase(Locale.ROOT)));
            case "basic" -> ("Basic " + Base64.getEncoder().encodeToString((route.get(5) + ":" + route.get(6))
                    .getBytes(StandardCharsets.UTF_8))).equals(headers.get("authorization"));
            default -> true;
        };
    }
}
