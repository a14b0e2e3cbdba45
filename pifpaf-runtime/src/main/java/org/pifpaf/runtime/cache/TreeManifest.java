package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a tree holds: one line per entry with its kind, its size for regular files, and its
 * relative path, sorted. A cached tree whose manifest no longer matches was damaged (a file
 * removed, truncated or added) and is rebuilt.
 */
public final class TreeManifest {

    private final List<String> lines;

    private TreeManifest(List<String> lines) {
        this.lines = lines;
    }

    /** The manifest of the tree at {@code root}. @throws IOException if it cannot be read */
    public static TreeManifest of(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    lines.add("d - " + root.relativize(dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String kind = attrs.isRegularFile() ? "f " + attrs.size() : attrs.isSymbolicLink() ? "l -" : "o -";
                lines.add(kind + " " + root.relativize(file));
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(lines);
        return new TreeManifest(lines);
    }

    /** Reads a manifest written by {@link #writeTo(Path)}. @throws IOException if it cannot be read */
    public static TreeManifest readFrom(Path file) throws IOException {
        return new TreeManifest(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Writes it to {@code file}. @throws IOException if it cannot */
    public void writeTo(Path file) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Whether every name in the tree can be written on a manifest line. */
    public boolean representable() {
        return lines.stream().noneMatch(line -> line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0);
    }

    /** The number of entries. */
    int size() {
        return lines.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeManifest manifest && manifest.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }
}
