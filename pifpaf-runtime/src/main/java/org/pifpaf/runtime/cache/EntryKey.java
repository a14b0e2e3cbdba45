package org.pifpaf.runtime.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HexFormat;
import org.pifpaf.api.Template;

/**
 * What a cache entry was made from, as canonical text: the entry's directory is named after a
 * 64-bit hash of it, and the entry keeps the text itself, compared before every copy. The hash
 * only has to spread names (a collision is caught by the comparison), so it is FNV-1a, which
 * costs nothing to start, unlike a {@link java.security.MessageDigest}.
 */
final class EntryKey {

    /** Changes when the entry layout changes, so older entries are ignored, not misread. */
    private static final String FORMAT = "2";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final String name;
    private final byte[] text;

    private EntryKey(String name, byte[] text) {
        this.name = name;
        this.text = text;
    }

    /**
     * The key of {@code template} made by {@code driver}'s creator running as {@code creatorUser}.
     *
     * @throws IOException if a binary the template is keyed by cannot be read
     */
    static EntryKey of(String driver, Template template, String creatorUser) throws IOException {
        StringBuilder text = new StringBuilder();
        field(text, "format", FORMAT);
        field(text, "driver", driver);
        field(text, "template", template.name());
        field(text, "user", creatorUser);
        for (String part : template.keyParts()) {
            field(text, "part", part);
        }
        for (Path binary : template.keyBinaries()) {
            Path real = binary.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            field(text, "binary", real.toString());
            field(text, "size", Long.toString(attributes.size()));
            field(text, "modified", Long.toString(attributes.lastModifiedTime().toMillis()));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return new EntryKey(driver + "-" + template.name() + "-" + HexFormat.of().toHexDigits(fnv1a(bytes)), bytes);
    }

    /** The entry's directory name: driver, template and hash. */
    String entryName() {
        return name;
    }

    /** Writes the text into {@code file}. @throws IOException if it cannot */
    void writeTo(Path file) throws IOException {
        Files.write(file, text);
    }

    /** Whether {@code file} holds this key's text; false when it is missing or unreadable. */
    boolean isIn(Path file) {
        try {
            return Arrays.equals(Files.readAllBytes(file), text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Length-prefixed, so that no value can pass for another field or run into the next. */
    private static void field(StringBuilder text, String label, String value) {
        text.append(label).append(' ').append(value.length()).append(':').append(value).append('\n');
    }

    static long fnv1a(byte[] bytes) {
        long hash = FNV_OFFSET;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryKey key && Arrays.equals(key.text, text);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(text);
    }
}
