package org.pifpaf.cli.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The reply FIFO of one client, and the streams that stand for its standard output and error.
 * Opened read-write, so that opening never waits for the client (which holds it open already);
 * a {@link RandomAccessFile} rather than a channel, whose writes an interrupt of the writing
 * thread would close (a signal interrupts the thread serving the client). Every line goes out in
 * one write, whole, whichever thread writes it.
 */
final class ReplyChannel implements AutoCloseable {

    private final RandomAccessFile fifo;
    private volatile boolean broken;

    private ReplyChannel(RandomAccessFile fifo) {
        this.fifo = fifo;
    }

    /**
     * Opens the client's FIFO {@code path}, then removes its name: the client holds it open, and
     * nothing is left to clean when either side dies.
     *
     * @throws IOException when it is not a FIFO (nothing else is ever written to)
     */
    static ReplyChannel open(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException(path + " is not a FIFO");
        }
        RandomAccessFile fifo = new RandomAccessFile(path.toFile(), "rw");
        Files.deleteIfExists(path);
        return new ReplyChannel(fifo);
    }

    /** Sends one line (see {@link Wire}); a client gone by now is no error. */
    synchronized void send(byte[] line) {
        if (broken) {
            return;
        }
        try {
            fifo.write(line);
        } catch (IOException e) {
            broken = true;
        }
    }

    /**
     * A stream whose bytes reach the client as lines of {@code kind} ({@code e}: its standard
     * error, {@code o}: its standard output), sent at each flush.
     */
    PrintStream stream(String kind) {
        return new PrintStream(new LineOutput(kind), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        broken = true;
        try {
            fifo.close();
        } catch (IOException e) {
            // Nothing more to say to it.
        }
    }

    /** Collects bytes, and sends them as one line at each flush. */
    private final class LineOutput extends OutputStream {
        private final String kind;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineOutput(String kind) {
            this.kind = kind;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            pending.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() {
            if (pending.size() > 0) {
                byte[] bytes = pending.toByteArray();
                pending.reset();
                send(Wire.line(kind, bytes, 0, bytes.length));
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
