package org.pifpaf.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pifpaf.api.DriverException;

/**
 * Picks free loopback TCP ports. A port handed out once is not handed out again by this JVM,
 * so the daemons of one process never race for the same one.
 */
final class FreePorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    static int claim() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new DriverException("cannot find a free port: " + e.getMessage(), e);
            }
        }
        throw new DriverException("cannot find a free port that was not handed out already");
    }
}
