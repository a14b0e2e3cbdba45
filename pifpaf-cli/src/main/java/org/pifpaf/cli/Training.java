package org.pifpaf.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The training run of the distribution's build, for an ahead-of-time cache (JDK 25's
 * {@code -XX:AOTCacheOutput}) that takes a single run of a single JVM: it runs, in-process, the
 * command lines whose classes matter (a plain {@code run} of a driver that starts from a cached
 * template, and {@code list-drivers}, which picocli reads), then touches the loopback sockets that
 * real daemon runs use for free ports and readiness. Not part of the command line.
 */
public final class Training {

    private Training() {
    }

    /**
     * @param args the drivers directory holding the test echo driver, then a directory of jars
     *             (the distribution's {@code lib}) for the Java-distribution lookup
     */
    public static void main(String[] args) throws Exception {
        String drivers = args[0];
        check(Main.run(new String[] {"--drivers-dir", drivers, "run", "echo", "--template", "--", "true"}));
        // What daemon drivers do besides: a Java installation looked up, readiness by TCP port
        // and by a probe command, a SIGKILL stop.
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            check(Main.run(new String[] {"--drivers-dir", drivers, "run", "echo", "--jars", args[1], "--ready-port",
                Integer.toString(listening.getLocalPort()), "--kill", "--", "true"}));
        }
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            check(Main.run(new String[] {"--drivers-dir", drivers, "list-drivers"}));
        } finally {
            System.setOut(out);
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            client.getOutputStream().write('.');
            accepted.getInputStream().read();
        }
    }

    private static void check(int status) {
        if (status != 0) {
            throw new IllegalStateException("a training command exited with status " + status);
        }
    }
}
