package org.pifpaf.driver.artemis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The first exchange of STOMP and MQTT, over a plain socket: enough to show who answers a port. */
final class Handshakes {

    /** MQTT 3.1.1 CONNECT: protocol "MQTT" level 4, a clean session, 60 s keep-alive, client id "pifpaf". */
    private static final byte[] MQTT_CONNECT = {0x10, 18, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60,
        0, 6, 'p', 'i', 'f', 'p', 'a', 'f'};

    private Handshakes() {
    }

    /** Sends a STOMP 1.2 CONNECT frame and returns the answering frame, up to its NUL. */
    static String stomp(int port) throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0"
                    .getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            for (int b = in.read(); b > 0; b = in.read()) {
                frame.write(b);
            }
            return frame.toString(StandardCharsets.UTF_8);
        }
    }

    /** Sends an MQTT CONNECT and returns the CONNACK's return code (0: accepted). */
    static int mqttConnectReturnCode(int port) throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(MQTT_CONNECT);
            byte[] connack = socket.getInputStream().readNBytes(4);
            if (connack.length != 4 || connack[0] != 0x20 || connack[1] != 2) {
                throw new IOException("not a CONNACK: " + java.util.Arrays.toString(connack));
            }
            return connack[3];
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        return socket;
    }
}
