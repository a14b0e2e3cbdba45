package org.pifpaf.driver.gnocchi;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The addresses a process listens on, read from {@code /proc}: its socket inodes, looked up in
 * its network namespace's tables. TCP sockets in the listening state and unconnected bound UDP
 * sockets, as {@code tcp 127.0.0.1:8041} or {@code udp 127.0.0.1:8125} (IPv6 addresses as 32 hex
 * digits in brackets).
 */
final class ListeningSockets {

    /** A TCP socket's state when it listens; an unconnected UDP socket's state. */
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private ListeningSockets() {
    }

    static Set<String> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(Path.of("/proc", Long.toString(pid), "fd"));
        Set<String> addresses = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            String state = table.startsWith("tcp") ? TCP_LISTEN : UDP_UNCONNECTED;
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(state) && inodes.contains(fields[9])) {
                    addresses.add(table.substring(0, 3) + " " + address(fields[1]));
                }
            }
        }
        return addresses;
    }

    private static Set<String> socketInodes(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // Not a socket we could count anyway.
                }
            }
        }
        return inodes;
    }

    /** {@code 0100007F:1F69} (an IPv4 address in host order, little-endian here) as {@code 127.0.0.1:8041}. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        if (parts[0].length() != 8) {
            return "[" + parts[0] + "]:" + port;
        }
        long ip = Long.parseLong(parts[0], 16);
        return (ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff) + ":" + port;
    }
}
