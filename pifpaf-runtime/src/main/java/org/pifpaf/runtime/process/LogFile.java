package org.pifpaf.runtime.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a daemon's log file: new lines as they arrive, or its last lines. */
public final class LogFile {

    private final Path path;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    /** A reader of {@code path} starting at {@code offset}. */
    public LogFile(Path path, long offset) {
        this.path = path;
        this.offset = offset;
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The complete lines written since the last call. */
    public List<String> newLines() {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return lines;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return lines;
        }
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            lines.add(stripCarriageReturn(partial.substring(0, newline)));
            partial.delete(0, newline + 1);
        }
        return lines;
    }

    /** The text written from {@code from} to the end. */
    public static String readFrom(Path path, long from) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - from, 1 << 20)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code count} lines of {@code path} (empty if it cannot be read). */
    public static List<String> tail(Path path, int count) {
        if (path == null || !Files.isReadable(path)) {
            return List.of();
        }
        try {
            long size = Files.size(path);
            String text = readFrom(path, Math.max(0, size - 64 * 1024));
            List<String> lines = new ArrayList<>(text.lines().map(LogFile::stripCarriageReturn).toList());
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
