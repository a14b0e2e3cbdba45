package org.pifpaf.runtime.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pifpaf.api.Provision;
import org.pifpaf.runtime.provision.spi.ArtifactCoordinates;

/**
 * The key of a provisioned tree, as text kept in its entry: the artifact, its SHA-1, the daemon
 * version it holds, and the layout that made the tree (last, so that a kept tree can be checked
 * against a driver's declaration without reading the artifact). The entry's name is the
 * artifact's id and version and a 64-bit FNV-1a hash of the text.
 */
final class TreeKeys {

    private static final String FORMAT = "format 1\n";

    /** A parsed key. */
    record Key(String artifact, String sha1, String daemonVersion, String layout) {
        String text() {
            return FORMAT + "artifact " + artifact + "\nsha1 " + sha1 + "\nversion " + daemonVersion + "\n" + layout;
        }
    }

    private TreeKeys() {
    }

    /** The declaration's layout as text: kind, entry, target, provided and added jars, and links. */
    static String layoutText(Provision provision) {
        StringBuilder text = new StringBuilder("layout ").append(provision.layout()).append('\n');
        if (provision.entry() != null) {
            text.append("entry ").append(provision.entry()).append('\n');
        }
        if (provision.target() != null) {
            text.append("target ").append(provision.target()).append('\n');
        }
        for (String provided : provision.provided()) {
            text.append("provided ").append(provided).append('\n');
        }
        for (String jar : provision.jars()) {
            text.append("jar ").append(jar).append('\n');
        }
        for (Map.Entry<String, String> link : provision.links().entrySet()) {
            text.append("link ").append(link.getKey()).append(" -> ").append(link.getValue()).append('\n');
        }
        return text.toString();
    }

    /** {@code <artifactId>-<version>[-<classifier>]-<hash>}. */
    static String entryName(ArtifactCoordinates artifact, Key key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.text().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return namePrefix(artifact) + HexFormat.of().toHexDigits(hash);
    }

    /** What the names of {@code artifact}'s entries start with: {@code <artifactId>-<version>[-<classifier>]-}. */
    static String namePrefix(ArtifactCoordinates artifact) {
        return artifactName(artifact) + "-";
    }

    /** {@code <artifactId>-<version>[-<classifier>]}, as Maven names its file. */
    static String artifactName(ArtifactCoordinates artifact) {
        return artifact.artifactId() + "-" + artifact.version()
                + (artifact.classifier().isEmpty() ? "" : "-" + artifact.classifier());
    }

    /** The key kept in {@code file}, if it can be read. */
    static Optional<Key> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 5 || !(lines.get(0) + "\n").equals(FORMAT)) {
                return Optional.empty();
            }
            String layout = String.join("\n", lines.subList(4, lines.size())) + "\n";
            return Optional.of(new Key(after(lines.get(1)), after(lines.get(2)), after(lines.get(3)), layout));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String after(String line) {
        return line.substring(line.indexOf(' ') + 1);
    }
}
