package org.pifpaf.cli.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's side of the protocol with the launcher's client (see {@code docs/server.md}).
 *
 * <p>Client to server, one line each on the server's FIFO (short: written whole, never mixed
 * with another client's): {@code R TAG} (a request, in the files {@code TAG.a} and {@code TAG.e}
 * beside the FIFO, the answer wanted on the FIFO {@code TAG.r}), {@code D TAG STATUS} (the
 * command ended with STATUS), {@code S TAG N} (the client got signal N). A tag is
 * {@code c.PID.RANDOM}, the client's pid first.
 *
 * <p>Server to client, one line each on the reply FIFO: {@code e TEXT} (TEXT to standard error),
 * {@code o TEXT} (to standard output), {@code x NAME TEXT} (export NAME), {@code run N} (run the
 * command, which starts at argument N), {@code exit N} (exit with status N), {@code fallback} (run
 * pifpaf's JVM instead). TEXT is bash's {@code printf %b} form: each backslash doubled, each
 * newline written {@code \n}, every other byte as it is; the client decodes it with
 * {@code printf -v value %b "$text"}, which evaluates nothing.
 */
public final class Wire {

    /** A reply that says: run pifpaf's JVM with the same arguments. */
    static final String FALLBACK = "fallback";

    private static final Pattern CLIENT_LINE = Pattern.compile("([RDS]) (c\\.([0-9]{1,10})\\.[0-9]{1,12})(?: (-?[0-9]{1,4}))?");

    /** What a client line says. @param kind R, D or S @param tag the client's tag @param number the status or signal (0 for R) */
    record ClientLine(char kind, String tag, long clientPid, int number) {
    }

    private Wire() {
    }

    /** The line {@code line} read from the server's FIFO, if it is one of the protocol's. */
    static Optional<ClientLine> parse(String line) {
        Matcher matcher = CLIENT_LINE.matcher(line);
        if (!matcher.matches() || (matcher.group(1).equals("R")) != (matcher.group(4) == null)) {
            return Optional.empty();
        }
        int number = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
        return Optional.of(new ClientLine(matcher.group(1).charAt(0), matcher.group(2), Long.parseLong(matcher.group(3)),
                number));
    }

    /** A reply line: {@code kind}, a space, then {@code bytes} escaped, then a newline. */
    static byte[] line(String kind, byte[] bytes, int offset, int length) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(kind.length() + length + 16);
        line.writeBytes(kind.getBytes(StandardCharsets.US_ASCII));
        line.write(' ');
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\\') {
                line.write('\\');
                line.write('\\');
            } else if (b == '\n') {
                line.write('\\');
                line.write('n');
            } else {
                line.write(b);
            }
        }
        line.write('\n');
        return line.toByteArray();
    }

    /** A reply line of {@code kind} and {@code text}, escaped. */
    static byte[] line(String kind, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return line(kind, bytes, 0, bytes.length);
    }

    /** A reply line of {@code kind} alone, or with a word that needs no escaping ({@code run 3}). */
    static byte[] plain(String text) {
        return (text + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
