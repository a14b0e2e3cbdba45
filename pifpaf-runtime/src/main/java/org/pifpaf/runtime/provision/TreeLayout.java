package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.provision.spi.ProvisionBackend;

/**
 * Turns an artifact's files into a tree as its {@link Provision} declares ({@link Provision.Layout}):
 * an archive inside the jar unpacked, one file copied, the artifact unpacked without its top
 * directory, or the jars in {@code lib/}; then the declared links.
 */
final class TreeLayout {

    private TreeLayout() {
    }

    /**
     * Fills {@code tree} from {@code files} (the artifact's first).
     *
     * @param platformName the artifact's name of this platform, for {@code {platform}} in entry globs
     * @throws IOException when an entry is missing or an archive is corrupt
     */
    static void fill(Provision provision, String platformName, List<Path> files, ProvisionBackend backend, Path tree)
            throws IOException {
        Path artifact = files.get(0);
        switch (provision.layout()) {
            case ARCHIVE_ENTRY -> {
                Path archive = tree.resolveSibling("archive.tmp");
                String name = extractEntry(artifact, glob(provision.entry(), platformName), archive);
                backend.unpack(archive, name, tree, false);
                Files.delete(archive);
            }
            case FILE_ENTRY -> {
                Path target = tree.resolve(provision.target());
                Files.createDirectories(target.getParent());
                extractEntry(artifact, glob(provision.entry(), platformName), target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            case ARCHIVE -> backend.unpack(artifact, artifact.getFileName().toString(), tree, true);
            case JARS -> {
                Path lib = Files.createDirectories(tree.resolve("lib"));
                for (Path jar : files) {
                    Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (Map.Entry<String, String> link : provision.links().entrySet()) {
            Path at = tree.resolve(link.getKey());
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, Path.of(link.getValue()));
        }
    }

    /** Copies the first entry whose name matches {@code pattern} to {@code target}; returns its name. */
    private static String extractEntry(Path jar, Pattern pattern, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> !e.isDirectory() && pattern.matcher(e.getName()).matches())
                    .findFirst()
                    .orElseThrow(() -> new IOException("no entry matching " + pattern + " in " + jar.getFileName()));
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return entry.getName();
        }
    }

    /** {@code *} any characters, {@code {platform}} the platform's name, everything else literal. */
    private static Pattern glob(String glob, String platformName) {
        String expanded = platformName == null ? glob : glob.replace("{platform}", platformName);
        List<String> literal = java.util.Arrays.stream(expanded.split("\\*", -1)).map(Pattern::quote).toList();
        return Pattern.compile(String.join(".*", literal));
    }
}
