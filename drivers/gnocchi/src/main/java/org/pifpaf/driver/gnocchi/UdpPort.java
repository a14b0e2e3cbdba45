package org.pifpaf.driver.gnocchi;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Whether a UDP port is free, for statsd, which listens on UDP where pifpaf's ports are TCP. */
final class UdpPort {

    private UdpPort() {
    }

    /**
     * Whether a socket can bind {@code port} on 127.0.0.1 over UDP right now, as statsd will:
     * not if any program has it, on the loopback or the wildcard address.
     */
    static boolean bindable(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return socket.isBound();
        } catch (SocketException e) {
            return false;
        }
    }
}
