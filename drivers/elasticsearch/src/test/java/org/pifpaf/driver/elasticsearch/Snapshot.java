package org.pifpaf.driver.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every entry of a directory tree: its kind, owner, mode, size, modification time and content checksum. */
final class Snapshot {

    private Snapshot() {
    }

    /** Relative path to a description of the entry; equal snapshots mean an untouched tree. */
    static Map<String, String> of(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path entry : tree.toList()) {
                PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                entries.put(dir.relativize(entry).toString(), String.join(" ",
                        attributes.isDirectory() ? "d" : "f", attributes.owner().getName(),
                        PosixFilePermissions.toString(attributes.permissions()), Long.toString(attributes.size()),
                        attributes.lastModifiedTime().toString(), attributes.isRegularFile() ? sha256(entry) : ""));
            }
        }
        return entries;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException unreadable) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
