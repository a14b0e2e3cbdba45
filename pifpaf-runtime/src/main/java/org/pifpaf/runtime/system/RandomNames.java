package org.pifpaf.runtime.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Unpredictable suffixes for the names of the directories pifpaf creates in shared places
 * ({@code /tmp}): 64 bits from {@code /dev/urandom}, read directly. {@link SecureRandom} would
 * give the same bits, but setting up its providers costs 10-15 ms of every command-line run.
 */
public final class RandomNames {

    private static final Path URANDOM = Path.of("/dev/urandom");

    private RandomNames() {
    }

    /** 64 random bits, as an unsigned base-36 number (at most 13 characters). */
    public static String next() {
        return Long.toUnsignedString(nextLong(), 36);
    }

    /** 64 random bits. */
    public static long nextLong() {
        byte[] bytes = new byte[Long.BYTES];
        try (InputStream in = Files.newInputStream(URANDOM)) {
            if (in.readNBytes(bytes, 0, bytes.length) == bytes.length) {
                return ByteBuffer.wrap(bytes).getLong();
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No /dev/urandom (not Linux): the JDK's own source.
        }
        return new SecureRandom().nextLong();
    }
}
