package org.pifpaf.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks files already in the local repository against the checksum the resolver kept beside
 * them ({@code <file>.sha1}, from the repository): the resolver trusts a file once it is there,
 * so a copy truncated or damaged since would otherwise be used for ever.
 */
final class LocalChecksums {

    private LocalChecksums() {
    }

    /**
     * The SHA-1 of {@code file} if it matches its {@code .sha1} (or has none to compare with),
     * else nothing. A file the resolver has just downloaded was checked against the repository's
     * checksum already (policy {@code fail}), so its {@code .sha1} is taken as it is: reading
     * tens of megabytes again costs a few hundred milliseconds on a JVM compiling with C1 only.
     */
    static Optional<String> verifiedSha1(Path file, boolean downloadedNow) throws IOException {
        Optional<String> recorded = recorded(file);
        if (downloadedNow && recorded.isPresent()) {
            return recorded;
        }
        String actual = sha1(file);
        return recorded.isEmpty() || recorded.get().equals(actual) ? Optional.of(actual) : Optional.empty();
    }

    private static Optional<String> recorded(Path file) throws IOException {
        Path sidecar = file.resolveSibling(file.getFileName() + ".sha1");
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(sidecar, StandardCharsets.US_ASCII).trim().split("\\s+")[0]
                .toLowerCase(Locale.ROOT));
    }

    /** Removes {@code file} and its checksums, so that the resolver downloads it again. */
    static void forget(Path file) throws IOException {
        Files.deleteIfExists(file);
        for (String suffix : new String[] {".sha1", ".md5", ".sha256", ".sha512"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
