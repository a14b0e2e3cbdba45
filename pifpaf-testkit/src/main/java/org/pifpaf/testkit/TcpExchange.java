package org.pifpaf.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One request and its whole answer over a TCP connection to the loopback interface, for
 * protocols where the server closes the connection once it has answered (ZooKeeper's
 * four-letter words: {@code ruok}, {@code srvr}, {@code dump}).
 */
public final class TcpExchange {

    private TcpExchange() {
    }

    /**
     * Sends {@code request} (ASCII) to {@code 127.0.0.1:port} and returns everything the server
     * writes until it closes the connection, as UTF-8.
     *
     * @throws IOException when the connection fails, or the server neither answers nor closes
     *                     within ten seconds
     */
    public static String sendAndReadToEnd(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
