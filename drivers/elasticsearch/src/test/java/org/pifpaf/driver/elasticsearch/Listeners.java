package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, as the kernel sees them ({@code /proc/net/tcp} and
 * {@code tcp6}, matched to the process's file descriptors), whatever the daemon says of itself.
 */
final class Listeners {

    private static final String LISTEN = "0A";

    private Listeners() {
    }

    /** {@code address:port} of each listening socket of {@code pid}, IPv4-mapped addresses as IPv4. */
    static Set<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor was closed while we listed them.
                }
            }
        }
        Set<String> listening = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    listening.add(address(fields[1]));
                }
            }
        }
        return listening;
    }

    /** {@code 0100007F:23F0} is 127.0.0.1:9200; the kernel writes each 32-bit word in host (little-endian) order. */
    private static String address(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String hex = parts[0];
        String lastWord = hex.substring(hex.length() - 8);
        boolean ipv4 = hex.length() == 8 || hex.startsWith("0000000000000000FFFF0000");
        if (ipv4) {
            return ipv4(lastWord) + ":" + port;
        }
        return "[" + hex + "]:" + port;
    }

    private static String ipv4(String word) {
        long value = Long.parseLong(word, 16);
        return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
    }
}
