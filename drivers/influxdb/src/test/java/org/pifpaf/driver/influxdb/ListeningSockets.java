package org.pifpaf.driver.influxdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The TCP and UDP sockets a process has bound, read from Linux's {@code /proc}. */
final class ListeningSockets {

    private static final String TCP_LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * Every listening TCP socket and bound UDP socket of process {@code pid}, as
     * {@code "tcp 127.0.0.1:8086"}; IPv6 addresses are shown in {@code /proc}'s hexadecimal.
     */
    static Set<String> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        Set<String> bound = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = line.trim().split("\\s+");
                boolean listening = table.startsWith("udp") || fields[3].equals(TCP_LISTEN);
                if (listening && inodes.contains(fields[9])) {
                    bound.add(table.substring(0, 3) + " " + address(fields[1]));
                }
            }
        }
        return bound;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor went away while we looked: not a socket we care about.
                }
            }
        }
        return inodes;
    }

    /** {@code 0100007F:1F90} (little-endian IPv4, hexadecimal port) as {@code 127.0.0.1:8080}. */
    private static String address(String hex) {
        String[] hostAndPort = hex.split(":");
        int port = Integer.parseInt(hostAndPort[1], 16);
        String host = hostAndPort[0];
        if (host.length() != 8) {
            return "[" + host + "]:" + port;
        }
        long ip = Long.parseLong(host, 16);
        return (ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff) + ":" + port;
    }
}
