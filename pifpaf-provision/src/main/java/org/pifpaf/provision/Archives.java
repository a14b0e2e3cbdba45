package org.pifpaf.provision;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks daemon archives: tar with xz ({@code .txz}, zonky's PostgreSQL builds) or gzip
 * ({@code .tar.gz}, release tarballs), and zip. Executable bits and symbolic links are kept;
 * an entry that would land outside the target (by {@code ..}, an absolute path, or through a
 * link unpacked before it) is refused, so a hostile archive cannot write elsewhere.
 */
final class Archives {

    private Archives() {
    }

    static void unpack(Path archive, String name, Path into, boolean stripTopDirectory) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        Path root = into.toRealPath();
        if (lower.endsWith(".zip") || lower.endsWith(".jar")) {
            unzip(archive, root, stripTopDirectory);
        } else if (lower.endsWith(".txz") || lower.endsWith(".tar.xz") || lower.endsWith(".tgz")
                || lower.endsWith(".tar.gz")) {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                 InputStream decompressed = lower.endsWith("xz") ? new XZCompressorInputStream(file)
                         : new GzipCompressorInputStream(file);
                 TarArchiveInputStream tar = new TarArchiveInputStream(decompressed, StandardCharsets.UTF_8.name())) {
                untar(tar, root, stripTopDirectory);
            }
        } else {
            throw new IOException("cannot unpack " + name + ": not .txz, .tar.xz, .tar.gz, .tgz, .zip or .jar");
        }
    }

    private static void untar(TarArchiveInputStream tar, Path root, boolean strip) throws IOException {
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            Path target = target(root, entry.getName(), strip);
            if (target == null) {
                continue;
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (entry.isSymbolicLink()) {
                link(root, target, entry.getLinkName());
            } else if (entry.isLink()) {
                Path existing = target(root, entry.getLinkName(), strip);
                if (existing == null || !Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("hard link " + entry.getName() + " to a file not unpacked before it");
                }
                parentOf(root, target);
                Files.copy(existing, target, StandardCopyOption.COPY_ATTRIBUTES);
            } else if (entry.isFile()) {
                write(root, target, tar, (entry.getMode() & 0100) != 0);
            }
        }
    }

    private static void unzip(Path archive, Path root, boolean strip) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                Path target = target(root, entry.getName(), strip);
                if (target == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isUnixSymlink()) {
                    link(root, target, zip.getUnixSymlink(entry));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        write(root, target, in, (entry.getUnixMode() & 0100) != 0);
                    }
                }
            }
        }
    }

    /** Where an entry goes: its name, less the top directory when stripped, inside {@code root}; null for none. */
    private static Path target(Path root, String name, boolean strip) throws IOException {
        String relative = name.replace('\\', '/');
        while (relative.startsWith("./")) {
            relative = relative.substring(2);
        }
        if (strip) {
            int slash = relative.indexOf('/');
            relative = slash < 0 ? "" : relative.substring(slash + 1);
        }
        if (relative.isEmpty() || relative.equals("/")) {
            return null;
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || relative.startsWith("/")) {
            throw new IOException("archive entry " + name + " would land outside " + root);
        }
        return target;
    }

    private static void write(Path root, Path target, InputStream in, boolean executable) throws IOException {
        parentOf(root, target);
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static void link(Path root, Path at, String linkTarget) throws IOException {
        parentOf(root, at);
        if (!at.getParent().resolve(linkTarget).normalize().startsWith(root)) {
            throw new IOException("symbolic link " + root.relativize(at) + " -> " + linkTarget + " leaves the archive");
        }
        Files.deleteIfExists(at);
        Files.createSymbolicLink(at, Path.of(linkTarget));
    }

    /** Creates the entry's directory and checks that no link unpacked before leads it outside {@code root}. */
    private static void parentOf(Path root, Path target) throws IOException {
        Path parent = Files.createDirectories(target.getParent());
        if (!parent.toRealPath().startsWith(root)) {
            throw new IOException(root.relativize(target) + " would be written outside " + root + " through a link");
        }
    }
}
