package org.pifpaf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP sockets a process listens on (and, with {@link #withProtocols}, the UDP sockets it has
 * bound), from Linux's {@code /proc}: the socket inodes among its file descriptors, looked up in
 * the {@code tcp}, {@code tcp6}, {@code udp} and {@code udp6} tables of its network namespace. Addresses read {@code 127.0.0.1:5673}, or {@code [<32 hex digits>]:5673} for IPv6
 * (all zeros: every interface), so a test can check that a daemon listens on loopback only, on
 * the ports it was given. An IPv4 address mapped into IPv6 ({@code ::ffff:127.0.0.1}, how a JVM
 * binds an IPv4 address) reads as the IPv4 address: it accepts IPv4 connections only.
 */
public final class ListeningSockets {

    /** The state column's value for a listening TCP socket, and for a bound, unconnected UDP one. */
    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";
    /** The first three words of {@code ::ffff:a.b.c.d}. */
    private static final String IPV4_MAPPED = "0000000000000000FFFF0000";

    private ListeningSockets() {
    }

    /**
     * The TCP addresses process {@code pid} listens on, sorted.
     *
     * @throws UncheckedIOException when {@code /proc} cannot be read (the process is gone)
     */
    public static Set<String> of(long pid) {
        return read(pid, List.of("tcp", "tcp6"), false);
    }

    /**
     * The TCP addresses process {@code pid} listens on and the UDP addresses it has bound (and not
     * connected), each after its protocol: {@code tcp 127.0.0.1:8041}, {@code udp 127.0.0.1:8125}.
     *
     * @throws UncheckedIOException when {@code /proc} cannot be read (the process is gone)
     */
    public static Set<String> withProtocols(long pid) {
        return read(pid, List.of("tcp", "tcp6", "udp", "udp6"), true);
    }

    private static Set<String> read(long pid, List<String> tables, boolean named) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            Set<String> inodes = socketInodes(proc.resolve("fd"));
            Set<String> addresses = new TreeSet<>();
            for (String table : tables) {
                String state = table.startsWith("tcp") ? TCP_LISTEN : UDP_UNCONNECTED;
                List<String> lines = Files.readAllLines(proc.resolve("net").resolve(table));
                for (String line : lines.subList(1, lines.size())) {
                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                    String[] fields = line.trim().split("\\s+");
                    if (fields[3].equals(state) && inodes.contains(fields[9])) {
                        addresses.add((named ? table.substring(0, 3) + " " : "") + address(fields[1]));
                    }
                }
            }
            return addresses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    // A descriptor closed while listed is no listening socket of interest.
                }
            }
        }
        return inodes;
    }

    /**
     * {@code 0100007F:1435}: an IPv4 address as the kernel prints it (a 32-bit word in host order,
     * little-endian here) and a port; an IPv6 address is four such words.
     */
    private static String address(String hex) {
        int colon = hex.indexOf(':');
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        String host = hex.substring(0, colon);
        if (host.length() == 32 && host.startsWith(IPV4_MAPPED)) {
            host = host.substring(IPV4_MAPPED.length());
        }
        if (host.length() != 8) {
            return "[" + host + "]:" + port;
        }
        long ip = Long.parseLong(host, 16);
        return (ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff) + ":" + port;
    }
}
