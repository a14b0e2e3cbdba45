package org.pifpaf.driver.memcached;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Just enough of memcached's text protocol for tests, over a plain or a TLS socket. */
final class TextProtocolClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    TextProtocolClient(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.out = socket.getOutputStream();
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Sends {@code lines}, each ended by CR LF, and returns the first line of the answer. */
    String send(String... lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        return line();
    }

    /** The next line of the answer. */
    String line() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("memcached closed the connection");
        }
        return line;
    }

    /** Sends {@code command} and returns the lines before its closing {@code END}. */
    List<String> untilEnd(String command) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = send(command); !line.equals("END"); line = line()) {
            lines.add(line);
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
