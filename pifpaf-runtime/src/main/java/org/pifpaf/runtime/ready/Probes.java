package org.pifpaf.runtime.ready;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.pifpaf.api.Command;
import org.pifpaf.api.Ready;
import org.pifpaf.runtime.process.LaunchedProcess;
import org.pifpaf.runtime.process.LogFile;

/** Turns {@link Ready} data into probes. */
final class Probes {

    static final int CONNECT_TIMEOUT_MILLIS = 200;

    private Probes() {
    }

    static Probe of(Ready ready, LaunchedProcess process, ReadinessWaiter.CommandRunner commandRunner) {
        if (ready instanceof Ready.LogLine line) {
            return logLine(line, process);
        } else if (ready instanceof Ready.TcpPort tcp) {
            return described(tcp.toString(), () -> tcpConnects(tcp.port()));
        } else if (ready instanceof Ready.UnixSocket unix) {
            return described(unix.toString(), () -> unixConnects(unix));
        } else if (ready instanceof Ready.Http http) {
            return throttled(new HttpProbe(http), 20);
        } else if (ready instanceof Ready.CommandSucceeds command) {
            return throttled(described(command.toString(), () -> commandRunner.succeeds(command.probe())), 50);
        } else if (ready instanceof Ready.AllOf all) {
            return allOf(all.conditions().stream().map(c -> of(c, process, commandRunner)).toList());
        }
        throw new IllegalArgumentException("unknown readiness condition " + ready);
    }

    private static Probe logLine(Ready.LogLine line, LaunchedProcess process) {
        LogFile log = new LogFile(process.logFile(), process.logOffset());
        return new Probe() {
            private boolean seen;

            @Override
            public boolean holds() {
                if (!seen) {
                    seen = log.newLines().stream().anyMatch(l -> line.pattern().matcher(l).find());
                }
                return seen;
            }

            @Override
            public String describe() {
                return line.toString();
            }
        };
    }

    private static boolean tcpConnects(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean unixConnects(Ready.UnixSocket unix) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(unix.path()));
        } catch (IOException e) {
            return false;
        }
    }

    private static Probe allOf(List<Probe> probes) {
        return new Probe() {
            @Override
            public boolean holds() throws InterruptedException {
                for (Probe probe : probes) {
                    if (!probe.holds()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String describe() {
                return String.join(" and ", probes.stream().map(Probe::describe).toList());
            }
        };
    }

    /** A probe that, once it held, keeps holding without asking again. */
    private static Probe described(String description, Check check) {
        return new Probe() {
            private boolean held;

            @Override
            public boolean holds() throws InterruptedException {
                held = held || check.holds();
                return held;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** A probe asked at most every {@code millis} (spawning or HTTP cost more than a poll). */
    private static Probe throttled(Probe probe, long millis) {
        return new Probe() {
            private long next;

            @Override
            public boolean holds() throws InterruptedException {
                long now = System.nanoTime();
                if (now - next < 0) {
                    return false;
                }
                next = now + millis * 1_000_000;
                return probe.holds();
            }

            @Override
            public String describe() {
                return probe.describe();
            }
        };
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws InterruptedException;
    }
}
